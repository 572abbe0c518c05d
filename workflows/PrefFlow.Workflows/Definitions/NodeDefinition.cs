using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// A node of a flowchart: an activity with inputs, JSON
/// <c>{"id": "sample", "activity": "sample", "inputs": {"prompts": "${iteration.budget}"}}</c>, or a loop,
/// JSON <c>{"id": "iterations", "loop": {...}}</c>. A node has exactly one of activity and loop.
/// </summary>
/// <param name="Id">Unique within its flowchart: <c>^[a-z][a-z0-9_-]{0,63}$</c>.</param>
/// <param name="Activity">The activity's catalogue name; null for a loop node.</param>
/// <param name="Loop">The loop; null for an activity node.</param>
/// <param name="Inputs">
/// Input name to value: a JSON literal, or a string holding <c>${...}</c>, a binding in the safe expression
/// language (e.g. <c>${params.seed}</c>, <c>${nodes.sample.outputs.responses}</c>); empty for a loop node.
/// </param>
/// <param name="Retry">How the node is retried when it fails; null for the engine's default.</param>
/// <param name="Description">What the node is for; null for none.</param>
public sealed record NodeDefinition(
    string Id,
    string? Activity,
    LoopDefinition? Loop,
    IReadOnlyDictionary<string, JsonNode?> Inputs,
    RetryDefinition? Retry = null,
    string? Description = null);
