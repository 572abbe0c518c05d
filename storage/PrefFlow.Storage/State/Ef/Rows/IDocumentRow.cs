namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row holding one JSON document per id that each save replaces (drafts, layouts).</summary>
internal interface IDocumentRow
{
    string Id { get; }

    string Json { get; }

    DateTimeOffset UpdatedAt { get; }
}
