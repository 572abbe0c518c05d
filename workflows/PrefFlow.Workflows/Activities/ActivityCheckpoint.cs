using PrefFlow.Storage.Artifacts;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Activities;

/// <summary>A mid-activity checkpoint: a stored blob and a small JSON state, e.g. <c>{"step": 120}</c>.</summary>
/// <param name="Artifact">The blob holding the bulky state (weights, optimiser moments).</param>
/// <param name="State">The activity's own small state.</param>
public sealed record ActivityCheckpoint(ArtifactRef Artifact, JsonObject State);
