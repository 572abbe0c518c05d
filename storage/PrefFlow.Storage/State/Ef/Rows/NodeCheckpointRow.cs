namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "node_checkpoints" table: the one latest checkpoint of a node.</summary>
internal sealed class NodeCheckpointRow
{
    public required string RunId { get; set; }
    public required string NodePath { get; set; }
    public required string InputHash { get; set; }
    public required string ArtifactJson { get; set; }
    public required string StateJson { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    public static NodeCheckpointRow From(NodeCheckpointRecord record) => new()
    {
        RunId = record.RunId,
        NodePath = record.NodePath,
        InputHash = record.InputHash,
        ArtifactJson = record.ArtifactJson,
        StateJson = record.StateJson,
        SavedAt = record.SavedAt,
    };

    public NodeCheckpointRecord ToRecord() => new(RunId, NodePath, InputHash, ArtifactJson, StateJson, SavedAt);
}
