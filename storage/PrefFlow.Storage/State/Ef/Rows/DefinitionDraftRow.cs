namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "definition_drafts" table.</summary>
internal sealed class DefinitionDraftRow : IDocumentRow
{
    public required string Id { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public DefinitionDraftRecord ToRecord() => new(Id, Json, UpdatedAt);
}
