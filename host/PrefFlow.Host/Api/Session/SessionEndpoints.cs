using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Security;

namespace PrefFlow.Host.Api.Session;

/// <summary>
/// /api/me: who the caller's key is and what its role may do, so a client (the web designer) can hide what the key
/// may not do instead of letting the user meet a 403.
/// </summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", (ClaimsPrincipal user) =>
            {
                string role = user.FindFirstValue(ClaimTypes.Role) ?? "";
                return Results.Ok(new
                {
                    keyId = user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim),
                    name = user.FindFirstValue(ClaimTypes.Name),
                    role,
                    may = new
                    {
                        editDefinitions = user.IsInRole(Policies.Name(Role.Editor)) || user.IsInRole(Policies.Name(Role.Admin)),
                        operateRuns = user.IsInRole(Policies.Name(Role.Operator)) || user.IsInRole(Policies.Name(Role.Admin)),
                        manageKeys = user.IsInRole(Policies.Name(Role.Admin)),
                    },
                });
            })
            .WithTags("Session").RequireAuthorization(Policies.Read).WithSummary("The calling key: id, name, role and what it may do.");
    }
}
