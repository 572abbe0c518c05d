using Microsoft.AspNetCore.Http;
using PrefFlow.Host.Api.Problems;

namespace PrefFlow.Host.Api;

/// <summary>Reads a request's body as text, exactly as sent (drafts and imports keep the author's formatting).</summary>
internal static class RequestBody
{
    /// <param name="request">The request.</param>
    /// <param name="what">What the body is, for the caller to read in a refusal of its media type.</param>
    public static async Task<string> ReadTextAsync(HttpRequest request, string what = "the definition")
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, "Unsupported media type", $"send {what} as application/json, not {type}");
        }
        using var reader = new StreamReader(request.Body);
        // Kestrel enforces the body size limit while this reads: a larger body ends in a 413.
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
