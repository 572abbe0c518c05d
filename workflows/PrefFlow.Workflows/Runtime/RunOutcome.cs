using PrefFlow.Storage.State;

namespace PrefFlow.Workflows.Runtime;

/// <summary>How an execution of a run ended.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">Succeeded, Failed or Cancelled.</param>
/// <param name="Error">Why it failed, naming the node; null unless Failed.</param>
public sealed record RunOutcome(string RunId, RunStatus Status, string? Error);
