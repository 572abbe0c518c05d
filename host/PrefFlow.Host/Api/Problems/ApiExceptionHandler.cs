using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrefFlow.Host.Hosting;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Api.Problems;

/// <summary>
/// Turns every exception of a request into a ProblemDetails response: the caller's mistakes (bad JSON, an unknown
/// field, a body over the limit, an invalid definition, a missing run) as 4xx naming the field and the reason, anything
/// else as a 500 that shows only a trace id (the details go to the log, never to the caller).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = Describe(exception);
        if (problem.Status >= 500) logger.LogError(exception, "request {Method} {Path} failed", context.Request.Method, context.Request.Path);
        problem.Extensions["traceId"] = context.TraceIdentifier;
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception }).ConfigureAwait(false);
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        ApiException api => Problem(api.Status, api.Title, api.Message, api.Field, api.Errors),
        BadHttpRequestException { StatusCode: 413 } => Problem(413, "Request body too large", exception.Message),
        BadHttpRequestException { InnerException: JsonException json } => Problem(400, "Invalid JSON", JsonReason(json), json.Path),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Invalid request", bad.Message),
        InvalidRunRequestException run => Problem(400,
            "Invalid run request", run.Message, errors: run.Errors),
        UserInputException user => Problem(400, "Invalid request", user.Message),
        _ => Problem(500, "Internal error", "the server failed to handle the request; its log has the details under the trace id"),
    };

    // System.Text.Json's messages name the .NET type; say what the caller can act on: the path and the problem.
    private static string JsonReason(JsonException json)
    {
        string message = json.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)) message = $"unknown field '{json.Path}'";
        return $"the body is not valid: {message}";
    }

    private static ProblemDetails Problem(int status, string title, string detail, string? field = null, IReadOnlyList<string>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null) problem.Extensions["field"] = field;
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return problem;
    }
}
