namespace PrefFlow.Storage.State;

/// <summary>The editable draft of a definition: saved as often as its author likes, published into immutable versions.</summary>
/// <param name="Id">The definition's id.</param>
/// <param name="Json">The draft's JSON text, as last saved (it need not be valid yet).</param>
/// <param name="UpdatedAt">When it was last saved.</param>
public sealed record DefinitionDraftRecord(string Id, string Json, DateTimeOffset UpdatedAt);
