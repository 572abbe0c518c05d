using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Security;

/// <summary>
/// Authenticates a request by its API key ("Authorization: Bearer pf_..." or "X-Api-Key: pf_..."): hashes it and
/// looks the hash up in the state store. Failures are logged with the client's address and the reason, never the key,
/// and counted by <see cref="AuthFailureLimiter"/>.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IStateStore state, AuthFailureLimiter limiter, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string KeyIdClaim = "prefflow:key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } secret) return AuthenticateResult.NoResult();
        string client = ClientOf(Context);
        if (!ApiKeys.LooksLikeKey(secret)) return Fail(client, "the key is not a PrefFlow key");
        ApiKeyRecord? key = await state.FindApiKeyAsync(ApiKeys.Hash(secret), Context.RequestAborted).ConfigureAwait(false);
        if (key is null) return Fail(client, "no such key");
        if (key.RevokedAt is not null) return Fail(client, $"key {key.Id} was revoked");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role), new Claim(KeyIdClaim, key.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status401Unauthorized, "Authentication required",
            "send a valid API key as 'Authorization: Bearer <key>' (create one with 'prefflow keys create --role ROLE')");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"the key's role ({Context.User.FindFirstValue(ClaimTypes.Role)}) may not {Request.Method} {Request.Path}");

    /// <summary>The key a request presents, or null.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        string? apiKey = request.Headers["X-Api-Key"];
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private AuthenticateResult Fail(string client, string reason)
    {
        limiter.RecordFailure(client);
        Server.Telemetry.AuthFailures.Add(1);
        Logger.LogWarning("authentication failed for {Client} on {Method} {Path}: {Reason}", client, Request.Method, Request.Path, reason);
        return AuthenticateResult.Fail(reason);
    }

    private async Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
