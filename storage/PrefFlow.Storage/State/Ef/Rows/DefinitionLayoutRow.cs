namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "definition_layouts" table.</summary>
internal sealed class DefinitionLayoutRow : IDocumentRow
{
    public required string Id { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public DefinitionLayoutRecord ToRecord() => new(Id, Json, UpdatedAt);
}
