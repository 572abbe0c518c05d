using System.Text.Json.Nodes;

namespace PrefFlow.Activities.Tests;

/// <summary>
/// Runs the whole chain at toy size once per test class: task, pretrain (pi_ref), the offline set and pi^0, then
/// one online iteration (prompts, sample, score, instance-select, corpus-select, oracle, train) and eval.
/// </summary>
public sealed class MiniPipeline : IAsyncLifetime, IDisposable
{
    public const int IterationPrompts = 10;
    public const int ResponsesPerPrompt = 4;
    public const int Budget = 5;
    public const int OfflinePrompts = 12;

    internal Harness Harness { get; } = new();
    public Dictionary<string, IReadOnlyDictionary<string, JsonNode?>> Outputs { get; } = [];

    public static Dictionary<string, JsonNode?> SmallTraining => new()
    {
        ["batchSize"] = 4,
        ["microBatchSize"] = 2,
        ["epochs"] = 1,
        ["learningRate"] = 1e-3,
    };

    public async Task InitializeAsync() => await RunAsync(Harness, Outputs, seed: 100);

    /// <summary>Runs the chain; <paramref name="outputs"/> gets every node's outputs by node name.</summary>
    internal static async Task RunAsync(Harness h, Dictionary<string, IReadOnlyDictionary<string, JsonNode?>> outputs, ulong seed)
    {
        async Task<IReadOnlyDictionary<string, JsonNode?>> Node(string name, string activity, Dictionary<string, JsonNode?> inputs, ulong offset)
        {
            var result = await h.RunAsync(activity, inputs, seed + offset);
            outputs[name] = result;
            return result;
        }
        JsonNode? Out(string node, string output) => outputs[node][output]?.DeepClone();

        await Node("task", "task", [], 1);
        await Node("pretrain", "pretrain", new() { ["task"] = Out("task", "task"), ["steps"] = 6, ["batchSize"] = 16, ["checkpointEvery"] = 0 }, 2);

        // pi^0: pi_ref + DPO on two samples of pi_ref per offline prompt, labelled by the oracle.
        await Node("offline-prompts", "prompts", new() { ["task"] = Out("task", "task"), ["split"] = "offline", ["count"] = OfflinePrompts }, 3);
        await Node("offline-sample", "sample", new() { ["policy"] = Out("pretrain", "policy"), ["prompts"] = Out("offline-prompts", "prompts"), ["responsesPerPrompt"] = 2 }, 4);
        await Node("offline-instance", "instance-select", new() { ["scores"] = Out("offline-sample", "responses"), ["strategy"] = "random" }, 5);
        await Node("offline-corpus", "corpus-select", new() { ["candidates"] = Out("offline-instance", "candidates"), ["strategy"] = "random", ["budget"] = OfflinePrompts }, 6);
        await Node("offline-oracle", "oracle", new() { ["pairs"] = Out("offline-corpus", "pairs"), ["task"] = Out("task", "task") }, 7);
        var pi0 = SmallTraining;
        pi0["policy"] = Out("pretrain", "policy");
        pi0["reference"] = Out("pretrain", "policy");
        pi0["pairs"] = Out("offline-oracle", "labelled");
        await Node("pi0", "train", pi0, 8);

        // One online iteration from pi^0.
        await Node("prompts", "prompts", new() { ["task"] = Out("task", "task"), ["count"] = IterationPrompts, ["stream"] = 1 }, 9);
        await Node("sample", "sample", new() { ["policy"] = Out("pi0", "policy"), ["prompts"] = Out("prompts", "prompts"), ["responsesPerPrompt"] = ResponsesPerPrompt }, 10);
        await Node("score", "score", new() { ["policy"] = Out("pi0", "policy"), ["reference"] = Out("pretrain", "policy"), ["responses"] = Out("sample", "responses") }, 11);
        await Node("instance-select", "instance-select", new() { ["scores"] = Out("score", "scores") }, 12);
        await Node("corpus-select", "corpus-select", new() { ["candidates"] = Out("instance-select", "candidates"), ["budget"] = Budget }, 13);
        await Node("oracle", "oracle", new() { ["pairs"] = Out("corpus-select", "pairs"), ["task"] = Out("task", "task"), ["tiePolicy"] = "coin-flip" }, 14);
        var pi1 = SmallTraining;
        pi1["policy"] = Out("pi0", "policy");
        pi1["reference"] = Out("pretrain", "policy");
        pi1["pairs"] = Out("oracle", "labelled");
        await Node("train", "train", pi1, 15);
        await Node("eval", "eval", new() { ["policy"] = Out("train", "policy"), ["reference"] = Out("pretrain", "policy"), ["task"] = Out("task", "task"), ["prompts"] = 20, ["klPrompts"] = 5, ["klSamples"] = 2 }, 16);
    }

    public JsonNode? Out(string node, string output) => Outputs[node][output]?.DeepClone();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Harness.Dispose();
}
