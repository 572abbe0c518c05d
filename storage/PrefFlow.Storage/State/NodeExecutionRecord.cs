namespace PrefFlow.Storage.State;

/// <summary>
/// One attempt of one node of a run. A node inside a loop has one path per iteration, e.g.
/// <c>iterations/2/train</c> (iteration index 2 of the loop node "iterations").
/// </summary>
/// <param name="Id">Assigned by the store when the attempt starts; 0 before.</param>
/// <param name="RunId">The run.</param>
/// <param name="NodePath">The node's path in the run: <c>node</c> or <c>loop/index/node</c>, nested as deep as loops nest.</param>
/// <param name="Activity">The activity the node runs.</param>
/// <param name="Attempt">1 for the first attempt, counting across resumes.</param>
/// <param name="Status">Where the attempt stands.</param>
/// <param name="InputHash">SHA-256 over the activity, its version, the evaluated inputs and the node's seed: equal hashes mean equal work.</param>
/// <param name="InputsJson">The evaluated inputs as a JSON object.</param>
/// <param name="StartedAt">When the attempt started.</param>
/// <param name="OutputsJson">The committed outputs as a JSON object; null unless Succeeded.</param>
/// <param name="FinishedAt">When the attempt ended; null while Running.</param>
/// <param name="Error">Why it failed; null unless Failed, Cancelled or Interrupted.</param>
/// <param name="ErrorKind">Whether the failure was transient or permanent; null unless Failed.</param>
/// <param name="Owner">The process that ran the attempt.</param>
public sealed record NodeExecutionRecord(
    long Id,
    string RunId,
    string NodePath,
    string Activity,
    int Attempt,
    NodeStatus Status,
    string InputHash,
    string InputsJson,
    DateTimeOffset StartedAt,
    string? OutputsJson = null,
    DateTimeOffset? FinishedAt = null,
    string? Error = null,
    ErrorKind? ErrorKind = null,
    string? Owner = null);
