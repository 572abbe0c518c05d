using PrefFlow.Workflows.Definitions;
using PrefFlow.Workflows.Schedules;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Runs a loop node: one iteration per entry of its budget schedule, in order. The carried variables start from
/// the loop's carry values and take its next values after each iteration; after the last, they are the loop's outputs.
/// </summary>
internal sealed class LoopExecutor(RunExecution run)
{
    public async Task<JsonObject> ExecuteAsync(string loopId, LoopDefinition loop, RuntimeScope scope, CancellationToken cancellationToken)
    {
        string loopPath = scope.PathOf(loopId);
        BudgetScheduleParseResult parsed = BudgetScheduleJson.Parse(JsonSerializer.SerializeToElement(Bind(loop.Schedule, scope, loopPath, "schedule")));
        IReadOnlyList<IterationBudget> iterations = parsed.Schedule?.Expand()
            ?? throw new NodeFailedException(loopPath, $"loop '{loopPath}': its schedule {string.Join("; ", parsed.Errors.Select(e => (e.Pointer.Length > 0 ? $"at {e.Pointer}: " : "") + e.Reason))}");
        JsonObject carried = Evaluate(loop.Carry, scope, loopPath, "carry");
        foreach (IterationBudget budget in iterations)
        {
            var iteration = new JsonObject
            {
                ["index"] = budget.Index,
                ["number"] = budget.Index + 1,
                ["count"] = iterations.Count,
                ["budget"] = budget.Prompts,
                ["keptPairs"] = budget.KeptPairs,
                ["previous"] = carried.DeepClone(),
            };
            RuntimeScope body = scope.Iteration(loopPath, budget.Index, iteration);
            string iterationPath = $"{loopPath}/{budget.Index}";
            var data = new JsonObject { ["index"] = budget.Index, ["count"] = iterations.Count, ["budget"] = budget.Prompts, ["keptPairs"] = budget.KeptPairs };
            await run.Journal.WriteAsync("iteration.started", iterationPath,
                $"iteration {budget.Index + 1} of {iterations.Count}: budget {budget.Prompts} prompts, {budget.KeptPairs} pairs kept", data).ConfigureAwait(false);
            await new FlowchartExecutor(run).ExecuteAsync(loop.Nodes, loop.Edges, body, cancellationToken).ConfigureAwait(false);
            carried = Evaluate(loop.Next, body, loopPath, "next");
            await run.Journal.WriteAsync("iteration.completed", iterationPath, $"iteration {budget.Index + 1} of {iterations.Count} completed", data).ConfigureAwait(false);
        }
        return carried;
    }

    // A schedule's values may be bindings (e.g. "total": "${params.total}"), so that one definition serves several budgets.
    private static JsonNode? Bind(JsonNode? value, RuntimeScope scope, string loopPath, string at) => value switch
    {
        JsonObject members => new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, Bind(m.Value, scope, loopPath, $"{at}.{m.Key}")))),
        JsonArray items => new JsonArray([.. items.Select((item, i) => Bind(item, scope, loopPath, $"{at}[{i}]"))]),
        _ => InputEvaluator.Evaluate(value, scope, loopPath, at),
    };

    private static JsonObject Evaluate(IReadOnlyDictionary<string, JsonNode?> bindings, RuntimeScope scope, string loopPath, string part)
    {
        var values = new JsonObject();
        foreach ((string name, JsonNode? binding) in bindings)
        {
            values[name] = InputEvaluator.Evaluate(binding, scope, loopPath, $"{part}.{name}");
        }
        return values;
    }
}
