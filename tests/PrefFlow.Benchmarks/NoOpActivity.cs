using PrefFlow.Workflows.Activities;
using System.Text.Json.Nodes;

namespace PrefFlow.Benchmarks;

/// <summary>An activity that returns its input: a node whose cost is all engine (and dispatch) bookkeeping.</summary>
internal sealed class NoOpActivity : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new("noop", "test", "returns its input",
        [new InputDescriptor("value", DataType.Integer, Required: true)], [new OutputDescriptor("value", DataType.Integer)]);

    public Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonNode?>>(new Dictionary<string, JsonNode?> { ["value"] = context.Inputs.GetInt64("value") });
}
