using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Tasks;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Oracle;
using PrefFlow.Learning.Pipeline;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Selection;
using PrefFlow.Learning.Training;

namespace PrefFlow.Activities.Tests;

/// <summary>Chained with one seed, the activities compute exactly what the experiment command's <see cref="OnlineIteration"/> computes.</summary>
public sealed class EquivalenceTests(MiniPipeline pipeline) : IClassFixture<MiniPipeline>
{
    private const ulong Seed = 4242;

    [Theory]
    [InlineData("smallest")]
    [InlineData("random")]
    public async Task An_iteration_of_activities_equals_the_online_iteration(string strategy)
    {
        var h = pipeline.Harness;
        async Task<IReadOnlyDictionary<string, JsonNode?>> Run(string activity, Dictionary<string, JsonNode?> inputs) => await h.RunAsync(activity, inputs, Seed);
        var sample = await Run("sample", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["prompts"] = pipeline.Out("prompts", "prompts"), ["responsesPerPrompt"] = MiniPipeline.ResponsesPerPrompt });
        var score = await Run("score", new() { ["policy"] = pipeline.Out("pi0", "policy"), ["reference"] = pipeline.Out("pretrain", "policy"), ["responses"] = sample["responses"]!.DeepClone() });
        var instance = await Run("instance-select", new() { ["scores"] = score["scores"]!.DeepClone(), ["strategy"] = strategy });
        var corpus = await Run("corpus-select", new() { ["candidates"] = instance["candidates"]!.DeepClone(), ["strategy"] = strategy, ["budget"] = MiniPipeline.Budget });
        var oracle = await Run("oracle", new() { ["pairs"] = corpus["pairs"]!.DeepClone(), ["task"] = pipeline.Out("task", "task"), ["tiePolicy"] = "coin-flip" });
        var training = MiniPipeline.SmallTraining;
        training["policy"] = pipeline.Out("pi0", "policy");
        training["reference"] = pipeline.Out("pretrain", "policy");
        training["pairs"] = oracle["labelled"]!.DeepClone();
        var train = await Run("train", training);

        var definition = TaskDefinition.Parse(await h.ReadAsync(pipeline.Out("task", "task")));
        var prompts = await PromptsDataset.ReadAsync(await h.ReadAsync(pipeline.Out("prompts", "prompts")), default);
        using var scratch = new TempFile();
        using var policy = await LoadAsync(h, pipeline.Out("pi0", "policy"), scratch);
        using var reference = await LoadAsync(h, pipeline.Out("pretrain", "policy"), scratch);
        var order = strategy == "smallest" ? MarginOrder.Smallest : MarginOrder.Random;
        var options = new IterationOptions
        {
            Sampling = new SamplingOptions { ResponsesPerPrompt = MiniPipeline.ResponsesPerPrompt, MaxNewTokens = definition.Task.MaxResponseTokens },
            InstanceOrder = order,
            CorpusOrder = order,
            Budget = SelectionBudget.Count(MiniPipeline.Budget),
            Ties = TiePolicy.CoinFlip,
            Training = new DpoOptions { BatchSize = 4, MicroBatchSize = 2, Epochs = 1, LearningRate = 1e-3 },
        };
        var result = new OnlineIteration(options, definition.CreateGoldRewardModel()).Run(policy, reference, [.. prompts.Prompts], Seed);

        Assert.Equal(result.PromptsWithoutDistinctPair, instance["skippedPrompts"]!.GetValue<long>());
        Assert.Equal(result.PairsSelected, corpus["kept"]!.GetValue<long>());
        Assert.Equal(result.Ties, oracle["ties"]!.GetValue<long>());
        Assert.Equal(result.Selected.RankingAccuracy, oracle["rankingAccuracy"]!.GetValue<double>());
        Assert.Equal(result.Training.Steps, train["steps"]!.GetValue<long>());
        Assert.Equal(result.Training.PreferenceLoss, train["loss"]!.GetValue<double>());
        PolicyCheckpoint.Save(policy, scratch.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(scratch.Path))), Harness.Hash(train["policy"]));
    }

    private static async Task<TransformerPolicy> LoadAsync(Harness h, JsonNode? artifact, TempFile scratch)
    {
        await File.WriteAllBytesAsync(scratch.Path, await h.ReadAsync(artifact));
        return PolicyCheckpoint.Load(scratch.Path);
    }

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.GetTempFileName();
        public void Dispose() => File.Delete(Path);
    }
}
