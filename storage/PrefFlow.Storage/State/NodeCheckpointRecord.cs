namespace PrefFlow.Storage.State;

/// <summary>
/// The latest mid-activity checkpoint of a node: a blob (e.g. model and optimiser state) and a small JSON state
/// (e.g. the step reached). A checkpoint belongs to one input hash, so a node whose inputs changed never continues
/// from another input's checkpoint.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="NodePath">The node's path in the run.</param>
/// <param name="InputHash">The input hash of the work the checkpoint belongs to.</param>
/// <param name="ArtifactJson">The checkpoint blob as artifact JSON (<c>{"sha256", "length", "mediaType"}</c>).</param>
/// <param name="StateJson">The activity's own state as a JSON object.</param>
/// <param name="SavedAt">When it was saved.</param>
public sealed record NodeCheckpointRecord(
    string RunId,
    string NodePath,
    string InputHash,
    string ArtifactJson,
    string StateJson,
    DateTimeOffset SavedAt);
