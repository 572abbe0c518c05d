namespace PrefFlow.Host.Api.Problems;

/// <summary>
/// A request the API refuses, with the HTTP status, the field at fault (a JSON path or a parameter name, when one is)
/// and every reason; <see cref="ApiExceptionHandler"/> turns it into a ProblemDetails response.
/// </summary>
internal sealed class ApiException(int status, string title, string detail, string? field = null, IReadOnlyList<string>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Field { get; } = field;

    public IReadOnlyList<string> Errors { get; } = errors ?? [];

    public static ApiException BadRequest(string detail, string? field = null) => new(400, "Invalid request", detail, field);

    public static ApiException NotFound(string detail) => new(404, "Not found", detail);

    public static ApiException Conflict(string detail) => new(409, "Conflict", detail);

    public static ApiException Invalid(string detail, IReadOnlyList<string> errors) => new(422, "Invalid definition", detail, errors: errors);
}
