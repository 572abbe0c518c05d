using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// A loop node's body, run once per iteration of its budget schedule. Carried variables pass one iteration's
/// results to the next: <see cref="Carry"/> gives their values before the first iteration, <see cref="Next"/>
/// their values after each. Inside the body, bindings read <c>${iteration.index}</c> (0-based),
/// <c>${iteration.number}</c> (1-based), <c>${iteration.count}</c>, <c>${iteration.budget}</c> (prompts to sample),
/// <c>${iteration.keptPairs}</c> and <c>${iteration.previous.NAME}</c> (a carried variable). After the last
/// iteration the loop node's outputs are the carried variables: <c>${nodes.LOOP.outputs.NAME}</c>.
/// </summary>
/// <param name="Schedule">
/// The budget schedule as JSON, in any form <see cref="Schedules.BudgetScheduleJson.Parse"/> reads: a list
/// <c>[15000, 10000, 5000]</c>, <c>{"budgets": [...], "keepFraction": 0.5}</c> or
/// <c>{"rule": "decrease", "total": 30000, "iterations": 3, "keepFraction": 0.5}</c>.
/// </param>
/// <param name="Carry">Carried variable name (<c>^[A-Za-z_][A-Za-z0-9_]*$</c>) to initial value, bound in the enclosing flowchart.</param>
/// <param name="Nodes">The body's nodes, a flowchart of its own; loops may nest.</param>
/// <param name="Edges">The body's edges, between body nodes only.</param>
/// <param name="Next">Carried variable name to its value for the next iteration; the same names as <paramref name="Carry"/>, and any body node may be referenced.</param>
public sealed record LoopDefinition(
    JsonNode? Schedule,
    IReadOnlyDictionary<string, JsonNode?> Carry,
    IReadOnlyList<NodeDefinition> Nodes,
    IReadOnlyList<EdgeDefinition> Edges,
    IReadOnlyDictionary<string, JsonNode?> Next);
