namespace PrefFlow.Storage.State;

/// <summary>
/// Where the web designer draws a definition's nodes. Kept on the server, beside the draft, so that every browser and
/// every member of a team sees the same layout; it is no part of the definition, so moving a node never changes a version.
/// </summary>
/// <param name="Id">The definition's id.</param>
/// <param name="Json">The positions as a JSON object, by node path (the store keeps the text as given).</param>
/// <param name="UpdatedAt">When it was last saved.</param>
public sealed record DefinitionLayoutRecord(string Id, string Json, DateTimeOffset UpdatedAt);
