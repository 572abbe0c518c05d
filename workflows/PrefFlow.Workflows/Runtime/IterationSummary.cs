namespace PrefFlow.Workflows.Runtime;

/// <summary>One iteration of a loop with the metrics its nodes committed.</summary>
/// <param name="Path">The iteration's path, e.g. <c>iterations/2</c>; empty for metrics of nodes outside any loop.</param>
/// <param name="Index">The 0-based iteration index; null outside loops.</param>
/// <param name="Budget">Prompts sampled in the iteration; null when unknown.</param>
/// <param name="KeptPairs">Pairs the schedule keeps in the iteration; null when unknown.</param>
/// <param name="Metrics">Metric name (an output marked as a metric; "node.output" where two nodes share the name) to value.</param>
public sealed record IterationSummary(string Path, int? Index, int? Budget, int? KeptPairs, IReadOnlyDictionary<string, double> Metrics);
