using System.Text.Json.Nodes;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Tasks;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

/// <summary>The selection rules beyond the paper (best-worst, weighted), SimPO training and the oracle's KL estimate, on the mini pipeline.</summary>
public sealed class SelectionRuleTests(MiniPipeline pipeline) : IClassFixture<MiniPipeline>
{
    private const int Prompts = MiniPipeline.IterationPrompts, N = MiniPipeline.ResponsesPerPrompt;

    private async Task<(IReadOnlyDictionary<string, JsonNode?> Outputs, PairsDataset Pairs)> SelectAsync(string activity, Dictionary<string, JsonNode?> inputs, ulong seed = 1)
    {
        var outputs = await pipeline.Harness.RunAsync(activity, inputs, seed);
        string artifact = activity == "instance-select" ? "candidates" : "pairs";
        return (outputs, await PairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(outputs[artifact]), default));
    }

    [Fact]
    public async Task Best_worst_pairs_the_best_and_worst_gold_response_and_counts_its_gold_calls()
    {
        var (outputs, candidates) = await SelectAsync("instance-select",
            new() { ["scores"] = pipeline.Out("score", "scores"), ["strategy"] = "best-worst", ["task"] = pipeline.Out("task", "task") });
        var gold = TaskDefinition.Parse(await pipeline.Harness.ReadAsync(pipeline.Out("task", "task"))).CreateGoldRewardModel();
        var scores = await ScoresDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("score", "scores")), default);
        Assert.Equal(Prompts * N, outputs["goldCalls"]!.GetValue<long>());
        Assert.Equal(Prompts, candidates.Pairs.Count + outputs["skippedPrompts"]!.GetValue<long>());
        Assert.NotEmpty(candidates.Pairs);
        foreach (var pair in candidates.Pairs)
        {
            double[] all = [.. scores.Responses.Responses[pair.PromptIndex].Select(r => gold.Score(pair.Prompt, r))];
            double first = gold.Score(pair.Prompt, pair.FirstTokens), second = gold.Score(pair.Prompt, pair.SecondTokens);
            Assert.Equal(all.Max(), Math.Max(first, second));
            Assert.Equal(all.Min(), Math.Min(first, second));
            // The pair carries its implicit rewards, so corpus selection and the oracle's statistics still work.
            Assert.Equal(scores.Rewards[pair.PromptIndex * N + pair.First], pair.FirstReward);
            Assert.Equal(scores.Rewards[pair.PromptIndex * N + pair.Second], pair.SecondReward);
        }
    }

    [Fact]
    public async Task Best_worst_needs_no_scores_but_needs_the_task()
    {
        var (_, unscored) = await SelectAsync("instance-select",
            new() { ["scores"] = pipeline.Out("sample", "responses"), ["strategy"] = "best-worst", ["task"] = pipeline.Out("task", "task") });
        Assert.False(unscored.Scored);
        var error = await Assert.ThrowsAsync<ActivityException>(() => pipeline.Harness.RunAsync("instance-select",
            new() { ["scores"] = pipeline.Out("score", "scores"), ["strategy"] = "best-worst" }));
        Assert.Contains("input 'task' is required by strategy best-worst", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_chosen_before_annotation_call_the_gold_model_never()
    {
        Assert.Equal(0, pipeline.Outputs["instance-select"]["goldCalls"]!.GetValue<long>());
    }

    [Fact]
    public async Task Weighted_selection_draws_distinct_pairs_the_same_for_a_seed_at_both_levels()
    {
        var instanceInputs = new Dictionary<string, JsonNode?> { ["scores"] = pipeline.Out("score", "scores"), ["strategy"] = "weighted", ["uncertaintyBeta"] = 0.5 };
        var (outputs, candidates) = await SelectAsync("instance-select", instanceInputs, seed: 3);
        var (_, again) = await SelectAsync("instance-select", new(instanceInputs.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))), seed: 3);
        Assert.Equal(candidates.Pairs, again.Pairs, PairComparer.Instance);
        Assert.Equal(Prompts, candidates.Pairs.Count + outputs["skippedPrompts"]!.GetValue<long>());
        Assert.All(candidates.Pairs, p => Assert.False(p.FirstTokens.AsSpan().SequenceEqual(p.SecondTokens)));

        var (corpusOutputs, kept) = await SelectAsync("corpus-select",
            new() { ["candidates"] = outputs["candidates"]!.DeepClone(), ["strategy"] = "weighted", ["budget"] = MiniPipeline.Budget }, seed: 4);
        int expected = Math.Min(MiniPipeline.Budget, candidates.Pairs.Count);
        Assert.Equal(expected, corpusOutputs["kept"]!.GetValue<long>());
        Assert.Equal(expected, kept.Pairs.Select(p => p.PromptIndex).Distinct().Count());
        Assert.All(kept.Pairs, p => Assert.Contains(candidates.Pairs, c => PairComparer.Instance.Equals(c, p)));
    }

    [Fact]
    public async Task Best_worst_is_refused_at_the_corpus_level()
    {
        var error = await Assert.ThrowsAsync<ActivityException>(() => pipeline.Harness.RunAsync("corpus-select",
            new() { ["candidates"] = pipeline.Out("instance-select", "candidates"), ["strategy"] = "best-worst", ["budget"] = 1 }));
        Assert.Contains("input 'strategy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_oracle_reports_the_mean_log_ratio_of_the_labelled_responses()
    {
        var kept = await PairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("corpus-select", "pairs")), default);
        // Under coin-flip every kept pair is labelled.
        double expected = kept.Pairs.Average(p => (p.FirstReward + p.SecondReward) / 2);
        Assert.Equal(expected, pipeline.Outputs["oracle"]["meanLogRatio"]!.GetValue<double>(), 12);
        Assert.Null(pipeline.Outputs["offline-oracle"]["meanLogRatio"]);
    }

    [Fact]
    public async Task Simpo_trains_with_its_target_margin()
    {
        var inputs = MiniPipeline.SmallTraining;
        inputs["policy"] = pipeline.Out("pi0", "policy");
        inputs["reference"] = pipeline.Out("pretrain", "policy");
        inputs["pairs"] = pipeline.Out("oracle", "labelled");
        inputs["loss"] = "simpo";
        inputs["gamma"] = 0.5;
        var outputs = await pipeline.Harness.RunAsync("train", inputs, seed: 5);
        // -log sigmoid(0.1 d - 0.5) is 0.97 at a per-token margin d = 0 and stays within [0.8, 1.2] for |d| < 3 nats,
        // while DPO's loss near the reference is about log 2 = 0.69: the target margin gamma is in the objective.
        Assert.InRange(outputs["loss"]!.GetValue<double>(), 0.8, 1.2);
        Assert.InRange(pipeline.Outputs["train"]["loss"]!.GetValue<double>(), 0.5, 0.8);
    }

    private sealed class PairComparer : IEqualityComparer<PairsDataset.Pair>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals(PairsDataset.Pair? x, PairsDataset.Pair? y) =>
            x is not null && y is not null && (x.PromptIndex, x.First, x.Second, x.FirstReward, x.SecondReward) == (y.PromptIndex, y.First, y.Second, y.FirstReward, y.SecondReward);

        public int GetHashCode(PairsDataset.Pair obj) => HashCode.Combine(obj.PromptIndex, obj.First, obj.Second);
    }
}
