using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Workflows.Runtime;

/// <summary>A committed artifact output of a node.</summary>
/// <param name="NodePath">The node's path.</param>
/// <param name="Output">The output's name.</param>
/// <param name="Artifact">The blob.</param>
public sealed record ArtifactEntry(string NodePath, string Output, ArtifactRef Artifact);
