using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Host.Security;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Host.Api.Definitions;

/// <summary>/api/definitions: drafts, validation, publishing into immutable versions, diffs, export and import.</summary>
internal static class DefinitionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        RouteGroupBuilder group = routes.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListAsync).WithSummary("Every definition: its latest version and whether it has a draft.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.EditDefinitions).Accepts<JsonObject>("application/json")
            .WithSummary("Create a definition: the body becomes its draft.");
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.EditDefinitions).Accepts<JsonObject>("application/json")
            .WithSummary("Import an exported definition as its id's draft (publish it after review).");
        group.MapPost("/validate", ValidateBodyAsync).Accepts<JsonObject>("application/json").WithSummary("Validate a definition document without storing it.");
        group.MapGet("/{id}/draft", GetDraftAsync).WithSummary("The draft (or the latest version when no draft exists).");
        group.MapPut("/{id}/draft", SaveDraftAsync).RequireAuthorization(Policies.EditDefinitions).Accepts<JsonObject>("application/json")
            .WithSummary("Replace the draft.");
        group.MapPost("/{id}/draft/validate", ValidateDraftAsync).WithSummary("Validate the draft: every error with its JSON pointer.");
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(Policies.EditDefinitions)
            .WithSummary("Publish the draft as the next immutable version (nothing new when it equals the latest).");
        group.MapGet("/{id}/versions", VersionsAsync).WithSummary("The published versions.");
        group.MapGet("/{id}/versions/{version:int}", VersionAsync).WithSummary("One published version with its document.");
        group.MapGet("/{id}/versions/{version:int}/export", ExportAsync).WithSummary("One published version as a JSON file, exactly as published.");
        group.MapGet("/{id}/diff", DiffAsync).WithSummary("What changed from one version to another ('to' may be 'draft').");
    }

    private static async Task<IResult> ListAsync(IStateStore state, CancellationToken cancellationToken)
    {
        IReadOnlyList<DefinitionRecord> published = await state.ListDefinitionsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<DefinitionDraftRecord> drafts = await state.ListDraftsAsync(cancellationToken).ConfigureAwait(false);
        var ids = published.Select(d => d.Id).Concat(drafts.Select(d => d.Id)).Distinct().Order(StringComparer.Ordinal);
        return Results.Ok(ids.Select(id =>
        {
            DefinitionRecord? latest = published.Where(d => d.Id == id).MaxBy(d => d.Version);
            return new
            {
                id,
                name = latest?.Name,
                latestVersion = latest?.Version,
                versions = published.Count(d => d.Id == id),
                hasDraft = drafts.Any(d => d.Id == id),
            };
        }).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, DefinitionService definitions)
    {
        DefinitionDraftRecord draft = await definitions.CreateAsync(await RequestBody.ReadTextAsync(request).ConfigureAwait(false), request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Created($"/api/definitions/{draft.Id}/draft", Draft(draft));
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, DefinitionService definitions)
    {
        DefinitionDraftRecord draft = await definitions.ImportAsync(await RequestBody.ReadTextAsync(request).ConfigureAwait(false), request.HttpContext.RequestAborted).ConfigureAwait(false);
        return Results.Ok(Draft(draft));
    }

    private static async Task<IResult> ValidateBodyAsync(HttpRequest request, DefinitionService definitions)
    {
        string body = await RequestBody.ReadTextAsync(request).ConfigureAwait(false);
        DefinitionDocuments.Parse(body);
        return Results.Ok(Validation(definitions.Validate(body)));
    }

    private static async Task<IResult> GetDraftAsync(string id, DefinitionService definitions, CancellationToken cancellationToken) =>
        Results.Ok(Draft(await definitions.GetDraftAsync(id, cancellationToken).ConfigureAwait(false)));

    private static async Task<IResult> SaveDraftAsync(string id, HttpRequest request, DefinitionService definitions)
    {
        string body = await RequestBody.ReadTextAsync(request).ConfigureAwait(false);
        return Results.Ok(Draft(await definitions.SaveDraftAsync(id, body, request.HttpContext.RequestAborted).ConfigureAwait(false)));
    }

    private static async Task<IResult> ValidateDraftAsync(string id, DefinitionService definitions, CancellationToken cancellationToken)
    {
        DefinitionDraftRecord draft = await definitions.GetDraftAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(Validation(definitions.Validate(draft.Json)));
    }

    private static async Task<IResult> PublishAsync(string id, DefinitionService definitions, CancellationToken cancellationToken)
    {
        DefinitionRecord published = await definitions.PublishAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/definitions/{id}/versions/{published.Version}", Version(published));
    }

    private static async Task<IResult> VersionsAsync(string id, DefinitionService definitions, CancellationToken cancellationToken) =>
        Results.Ok((await definitions.VersionsAsync(id, cancellationToken).ConfigureAwait(false))
            .Select(d => new { d.Id, d.Version, d.Name, d.Sha256, d.PublishedAt }).ToList());

    private static async Task<IResult> VersionAsync(string id, int version, DefinitionService definitions, CancellationToken cancellationToken) =>
        Results.Ok(Version(await definitions.VersionAsync(id, version, cancellationToken).ConfigureAwait(false)));

    private static async Task<IResult> ExportAsync(string id, int version, DefinitionService definitions, CancellationToken cancellationToken)
    {
        DefinitionRecord record = await definitions.VersionAsync(id, version, cancellationToken).ConfigureAwait(false);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(record.Json), "application/json", $"{record.Id}.v{record.Version}.json");
    }

    private static async Task<IResult> DiffAsync(string id, int from, string to, DefinitionService definitions, CancellationToken cancellationToken)
    {
        DefinitionRecord before = await definitions.VersionAsync(id, from, cancellationToken).ConfigureAwait(false);
        string after = to == "draft"
            ? (await definitions.GetDraftAsync(id, cancellationToken).ConfigureAwait(false)).Json
            : int.TryParse(to, out int version)
                ? (await definitions.VersionAsync(id, version, cancellationToken).ConfigureAwait(false)).Json
                : throw ApiException.BadRequest($"'to' is '{to}': give a version number or 'draft'", "to");
        return Results.Ok(new { id, from, to, changes = DefinitionDiff.Compare(JsonNode.Parse(before.Json), JsonNode.Parse(after)) });
    }

    private static object Draft(DefinitionDraftRecord draft) => new { draft.Id, draft.UpdatedAt, definition = JsonNode.Parse(draft.Json) };

    private static object Version(DefinitionRecord record) =>
        new { record.Id, record.Version, record.Name, record.Sha256, record.PublishedAt, definition = JsonNode.Parse(record.Json) };

    private static object Validation(IReadOnlyList<DefinitionError> errors) =>
        new { valid = errors.Count == 0, errors = errors.Select(e => new { pointer = e.Pointer, reason = e.Reason }).ToList() };
}
