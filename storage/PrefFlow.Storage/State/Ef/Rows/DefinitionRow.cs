namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "definitions" table: one published (id, version).</summary>
internal sealed class DefinitionRow
{
    public required string Id { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    public static DefinitionRow From(DefinitionRecord record) => new()
    {
        Id = record.Id,
        Version = record.Version,
        Name = record.Name,
        Json = record.Json,
        Sha256 = record.Sha256,
        PublishedAt = record.PublishedAt,
    };

    public DefinitionRecord ToRecord() => new(Id, Version, Name, Json, Sha256, PublishedAt);
}
