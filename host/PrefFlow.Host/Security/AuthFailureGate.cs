using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PrefFlow.Host.Security;

/// <summary>Refuses, with 429 and Retry-After, a request carrying a key from a client that failed to authenticate too often.</summary>
internal sealed class AuthFailureGate(RequestDelegate next, AuthFailureLimiter limiter, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        string client = ApiKeyAuthenticationHandler.ClientOf(context);
        if (ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null || !limiter.IsBlocked(client))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        int seconds = Math.Max(1, (int)Math.Ceiling(limiter.RetryAfter(client).TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many failed authentications",
                Detail = $"this client failed to authenticate too often; try again in {seconds} s",
            },
        }).ConfigureAwait(false);
    }
}
