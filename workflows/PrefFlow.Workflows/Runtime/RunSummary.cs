using PrefFlow.Storage.State;

namespace PrefFlow.Workflows.Runtime;

/// <summary>A run as people and scripts want to see it: its record, each node's latest attempt, per-iteration metrics and every artifact.</summary>
/// <param name="Run">The run's record.</param>
/// <param name="Status">
/// The status to show: the stored one, except that a run stored as Running whose process is gone (known dead, or its
/// lease lapsed) shows as Interrupted.
/// </param>
/// <param name="Nodes">Each node path's latest attempt, in the order the nodes first started.</param>
/// <param name="Iterations">One row per loop iteration that has started (and one for metrics outside loops, if any).</param>
/// <param name="Artifacts">Every committed artifact output.</param>
/// <param name="Timing">Where the run's time went; null until it has finished once.</param>
public sealed record RunSummary(
    RunRecord Run,
    RunStatus Status,
    IReadOnlyList<NodeSummary> Nodes,
    IReadOnlyList<IterationSummary> Iterations,
    IReadOnlyList<ArtifactEntry> Artifacts,
    RunTiming? Timing);
