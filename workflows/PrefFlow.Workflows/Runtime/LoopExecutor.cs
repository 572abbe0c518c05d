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
        BudgetScheduleParseResult parsed = BudgetScheduleJson.Parse(JsonSerializer.SerializeToElement(loop.Schedule));
        IReadOnlyList<IterationBudget> iterations = parsed.Schedule?.Expand()
            ?? throw new NodeFailedException(loopPath, $"loop '{loopPath}': {string.Join("; ", parsed.Errors.Select(e => e.Reason))}");
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
            var data = new JsonObject { ["index"] = budget.Index, ["budget"] = budget.Prompts, ["keptPairs"] = budget.KeptPairs };
            await run.Journal.WriteAsync("iteration.started", iterationPath,
                $"iteration {budget.Index + 1} of {iterations.Count}: budget {budget.Prompts} prompts, {budget.KeptPairs} pairs kept", data).ConfigureAwait(false);
            await new FlowchartExecutor(run).ExecuteAsync(loop.Nodes, loop.Edges, body, cancellationToken).ConfigureAwait(false);
            carried = Evaluate(loop.Next, body, loopPath, "next");
            await run.Journal.WriteAsync("iteration.completed", iterationPath, $"iteration {budget.Index + 1} of {iterations.Count} completed", data).ConfigureAwait(false);
        }
        return carried;
    }

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
