using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Api.Definitions;
using PrefFlow.Host.Security;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Api.Layouts;

/// <summary>
/// /api/definitions/{id}/layout: where the web designer draws a definition's nodes, kept on the server so every browser
/// and every team member sees the same layout. It is no part of the definition: saving it makes no draft and no version.
/// </summary>
internal static class LayoutEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.Read);
        group.MapGet("/{id}/layout", GetAsync)
            .WithSummary("The designer's node positions by node path (updatedAt null and no positions when none was saved).");
        group.MapPut("/{id}/layout", SaveAsync).RequireAuthorization(Policies.EditDefinitions).Accepts<JsonObject>("application/json")
            .WithSummary("Replace the designer's node positions: {\"positions\": {\"<node path>\": {\"x\": <number>, \"y\": <number>}}}.");
    }

    private static async Task<IResult> GetAsync(string id, DefinitionService definitions, IStateStore state, CancellationToken cancellationToken)
    {
        await definitions.CheckExistsAsync(id, cancellationToken).ConfigureAwait(false);
        DefinitionLayoutRecord? layout = await state.GetLayoutAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(layout is null ? Layout(id, null, new JsonObject()) : Layout(layout));
    }

    private static async Task<IResult> SaveAsync(string id, HttpRequest request, DefinitionService definitions, IStateStore state, TimeProvider time)
    {
        CancellationToken cancellationToken = request.HttpContext.RequestAborted;
        await definitions.CheckExistsAsync(id, cancellationToken).ConfigureAwait(false);
        string positions = LayoutPositions.Normalise(await RequestBody.ReadTextAsync(request, "the layout").ConfigureAwait(false));
        var layout = new DefinitionLayoutRecord(id, positions, time.GetUtcNow());
        await state.SaveLayoutAsync(layout, cancellationToken).ConfigureAwait(false);
        return Results.Ok(Layout(layout));
    }

    private static object Layout(DefinitionLayoutRecord layout) => Layout(layout.Id, layout.UpdatedAt, JsonNode.Parse(layout.Json));

    private static object Layout(string id, DateTimeOffset? updatedAt, JsonNode? positions) => new { id, updatedAt, positions };
}
