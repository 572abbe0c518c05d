using PrefFlow.Storage.State;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>A node's latest attempt.</summary>
/// <param name="Path">The node's path in the run.</param>
/// <param name="Activity">The activity it runs.</param>
/// <param name="Status">The latest attempt's status.</param>
/// <param name="Attempts">How many attempts it has had.</param>
/// <param name="StartedAt">When the latest attempt started.</param>
/// <param name="FinishedAt">When it ended; null while running.</param>
/// <param name="Error">Why it failed; null otherwise.</param>
/// <param name="Outputs">The committed outputs; null unless Succeeded.</param>
public sealed record NodeSummary(
    string Path,
    string Activity,
    NodeStatus Status,
    int Attempts,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    JsonObject? Outputs)
{
    /// <summary>The latest attempt's duration in seconds; null while running.</summary>
    public double? Seconds => FinishedAt is { } end ? (end - StartedAt).TotalSeconds : null;
}
