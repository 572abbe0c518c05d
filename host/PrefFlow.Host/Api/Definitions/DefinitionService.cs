using System.Text.Json.Nodes;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Host.Api.Definitions;

/// <summary>
/// The life of a definition: a draft (one per id, any JSON object, saved as often as wanted) is validated and published
/// into numbered versions, which never change. Publishing writes the next version number into the document.
/// </summary>
internal sealed class DefinitionService(IStateStore state, IActivityCatalog catalog, TimeProvider time)
{
    public async Task<DefinitionDraftRecord> CreateAsync(string body, CancellationToken cancellationToken)
    {
        JsonObject document = DefinitionDocuments.Parse(body);
        string id = DefinitionDocuments.IdOf(document);
        if (await state.GetDraftAsync(id, cancellationToken).ConfigureAwait(false) is not null || await LatestAsync(id, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw ApiException.Conflict($"a definition with the id '{id}' exists: update its draft with PUT /api/definitions/{id}/draft");
        }
        var draft = new DefinitionDraftRecord(id, body, time.GetUtcNow());
        await state.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        return draft;
    }

    public async Task<DefinitionDraftRecord> SaveDraftAsync(string id, string body, CancellationToken cancellationToken)
    {
        DefinitionDocuments.IdOf(DefinitionDocuments.Parse(body), DefinitionDocuments.CheckId(id));
        var draft = new DefinitionDraftRecord(id, body, time.GetUtcNow());
        await state.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        return draft;
    }

    /// <summary>The draft, or (when there is none yet) the latest published version as a starting point.</summary>
    public async Task<DefinitionDraftRecord> GetDraftAsync(string id, CancellationToken cancellationToken)
    {
        DefinitionDocuments.CheckId(id);
        if (await state.GetDraftAsync(id, cancellationToken).ConfigureAwait(false) is { } draft) return draft;
        DefinitionRecord latest = await LatestAsync(id, cancellationToken).ConfigureAwait(false) ?? throw NoSuchDefinition(id);
        return new DefinitionDraftRecord(id, latest.Json, latest.PublishedAt);
    }

    /// <summary>
    /// Checks that a definition has the id: a draft or a published version. What belongs to a definition (its designer
    /// layout) is kept only for one that exists, so a mistyped id is a 404 rather than a new orphan.
    /// </summary>
    public async Task CheckExistsAsync(string id, CancellationToken cancellationToken)
    {
        DefinitionDocuments.CheckId(id);
        if (await state.GetDraftAsync(id, cancellationToken).ConfigureAwait(false) is not null) return;
        if (await LatestAsync(id, cancellationToken).ConfigureAwait(false) is null) throw NoSuchDefinition(id);
    }

    public IReadOnlyList<DefinitionError> Validate(string json) => DefinitionLoader.Load(json, catalog).Errors;

    /// <summary>Validates the draft and publishes it as the next version; the draft then carries that version number.</summary>
    public async Task<DefinitionRecord> PublishAsync(string id, CancellationToken cancellationToken)
    {
        DefinitionDraftRecord draft = await state.GetDraftAsync(DefinitionDocuments.CheckId(id), cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"the definition '{id}' has no draft to publish: save one with PUT /api/definitions/{id}/draft");
        JsonObject document = DefinitionDocuments.Parse(draft.Json);
        DefinitionRecord? latest = await LatestAsync(id, cancellationToken).ConfigureAwait(false);
        if (latest is not null && JsonNode.DeepEquals(WithoutVersion(JsonNode.Parse(latest.Json)), WithoutVersion(document)))
        {
            return latest;
        }
        int version = (latest?.Version ?? 0) + 1;
        document["version"] = version;
        string json = document.ToJsonString(DefinitionDocuments.Indented);
        IReadOnlyList<DefinitionError> errors = Validate(json);
        if (errors.Count > 0) throw ApiException.Invalid($"the draft of '{id}' is not valid, so it was not published", [.. errors.Select(e => e.ToString())]);
        string name = document["name"]?.GetValue<string>() ?? id;
        string sha256 = DefinitionRecord.HashOf(json);
        try
        {
            DefinitionRecord published = await state.PublishDefinitionAsync(new DefinitionRecord(id, version, name, json, sha256, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            await state.SaveDraftAsync(new DefinitionDraftRecord(id, json, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return published;
        }
        catch (DefinitionVersionConflictException)
        {
            throw ApiException.Conflict($"version {version} of '{id}' was published by someone else meanwhile; publish again");
        }
    }

    /// <summary>Imports a document as the definition's draft (creating the definition when new), to publish after review.</summary>
    public async Task<DefinitionDraftRecord> ImportAsync(string body, CancellationToken cancellationToken)
    {
        string id = DefinitionDocuments.IdOf(DefinitionDocuments.Parse(body));
        var draft = new DefinitionDraftRecord(id, body, time.GetUtcNow());
        await state.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        return draft;
    }

    public async Task<IReadOnlyList<DefinitionRecord>> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        DefinitionDocuments.CheckId(id);
        var versions = (await state.ListDefinitionsAsync(cancellationToken).ConfigureAwait(false)).Where(d => d.Id == id).ToList();
        if (versions.Count == 0 && await state.GetDraftAsync(id, cancellationToken).ConfigureAwait(false) is null) throw NoSuchDefinition(id);
        return versions;
    }

    public async Task<DefinitionRecord> VersionAsync(string id, int version, CancellationToken cancellationToken) =>
        await state.GetDefinitionAsync(DefinitionDocuments.CheckId(id), version, cancellationToken).ConfigureAwait(false)
        ?? throw ApiException.NotFound($"the definition '{id}' has no published version {version}");

    public async Task<DefinitionRecord?> LatestAsync(string id, CancellationToken cancellationToken) =>
        (await state.ListDefinitionsAsync(cancellationToken).ConfigureAwait(false)).Where(d => d.Id == id).MaxBy(d => d.Version);

    private static JsonNode? WithoutVersion(JsonNode? document)
    {
        if (document is not JsonObject json) return document;
        var copy = (JsonObject)json.DeepClone();
        copy.Remove("version");
        return copy;
    }

    private static ApiException NoSuchDefinition(string id) => ApiException.NotFound($"no definition has the id '{id}'");
}
