using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Host.Security;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Api.Keys;

/// <summary>/api/keys (admin only): list, create and revoke API keys. A new key's secret is returned once.</summary>
internal static class KeyEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Policies.ManageKeys);
        group.MapGet("/", async (IStateStore state, CancellationToken cancellationToken) =>
                Results.Ok((await state.ListApiKeysAsync(cancellationToken).ConfigureAwait(false)).Select(Describe).ToList()))
            .WithSummary("Every key (never its secret).");
        group.MapPost("/", CreateAsync).WithSummary("Create a key; the response holds its secret, shown this once.");
        group.MapDelete("/{id}", async (string id, IStateStore state, TimeProvider time, CancellationToken cancellationToken) =>
                await state.RevokeApiKeyAsync(id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                    ? Results.NoContent()
                    : throw ApiException.NotFound($"no valid key has the id '{id}'"))
            .WithSummary("Revoke a key: requests with it are refused from now on.");
    }

    private static async Task<IResult> CreateAsync(CreateKeyRequest request, IStateStore state, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100) throw ApiException.BadRequest("give the key a name of 1 to 100 characters", "name");
        Role role = ApiKeys.ParseRole(request.Role) ?? throw ApiException.BadRequest($"role '{request.Role}' is not one of viewer, editor, operator, admin", "role");
        (string secret, ApiKeyRecord record) = ApiKeys.Create(request.Name.Trim(), role, time.GetUtcNow());
        await state.CreateApiKeyAsync(record, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/keys/{record.Id}", new { record.Id, record.Name, record.Role, record.CreatedAt, key = secret });
    }

    private static object Describe(ApiKeyRecord key) => new { key.Id, key.Name, key.Role, key.CreatedAt, key.RevokedAt };
}
