namespace PrefFlow.Storage.State.Ef.Rows;

/// <summary>A row of the "node_executions" table: one attempt of one node.</summary>
internal sealed class NodeExecutionRow
{
    public long Id { get; set; }
    public required string RunId { get; set; }
    public required string NodePath { get; set; }
    public required string Activity { get; set; }
    public int Attempt { get; set; }
    public NodeStatus Status { get; set; }
    public required string InputHash { get; set; }
    public required string InputsJson { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? OutputsJson { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    public ErrorKind? ErrorKind { get; set; }
    public string? Owner { get; set; }

    /// <summary>A new Running attempt: whatever the record says about an end is not carried over.</summary>
    public static NodeExecutionRow Starting(NodeExecutionRecord record) => new()
    {
        RunId = record.RunId,
        NodePath = record.NodePath,
        Activity = record.Activity,
        Attempt = record.Attempt,
        Status = NodeStatus.Running,
        InputHash = record.InputHash,
        InputsJson = record.InputsJson,
        StartedAt = record.StartedAt,
        Owner = record.Owner,
    };

    public NodeExecutionRecord ToRecord() => new(
        Id, RunId, NodePath, Activity, Attempt, Status, InputHash, InputsJson, StartedAt,
        OutputsJson, FinishedAt, Error, ErrorKind, Owner);
}
