using System.Text.Json.Nodes;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Tasks;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Activities.Tests;

public sealed class ChainTests(MiniPipeline pipeline) : IClassFixture<MiniPipeline>
{
    private int Int(string node, string output) => (int)pipeline.Outputs[node][output]!.GetValue<long>();

    [Fact]
    public async Task The_task_artifact_holds_the_seed_and_every_option()
    {
        var definition = TaskDefinition.Parse(await pipeline.Harness.ReadAsync(pipeline.Out("task", "task")));
        Assert.Equal(101UL, definition.Seed);
        Assert.Equal(new TaskOptions().MaxDigits, definition.Task.MaxDigits);
        Assert.Equal(5, definition.Task.Kinds.Count);
        Assert.Equal(0.05, definition.GoldReward.LengthBias);
        Assert.Equal(0.2, definition.ReferenceSystem.ErrorRate);
    }

    [Fact]
    public async Task Prompts_are_the_tasks_prompts_of_the_split_and_stream()
    {
        var definition = TaskDefinition.Parse(await pipeline.Harness.ReadAsync(pipeline.Out("task", "task")));
        var prompts = await PromptsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("prompts", "prompts")), default);
        Assert.Equal(MiniPipeline.IterationPrompts, Int("prompts", "count"));
        Assert.Equal(definition.CreateTask().Prompts(TaskSplit.Iteration, MiniPipeline.IterationPrompts, offset: Setup.PromptsActivity.StreamLength), prompts.Prompts);
        Assert.Equal("train", prompts.Split);
        var offline = await PromptsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("offline-prompts", "prompts")), default);
        Assert.Equal(definition.CreateTask().Prompts(TaskSplit.Offline, MiniPipeline.OfflinePrompts), offline.Prompts);
    }

    [Fact]
    public async Task Sampling_gives_n_responses_per_prompt_and_counts_tokens()
    {
        var responses = await ResponsesDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("sample", "responses")), default);
        Assert.Equal(MiniPipeline.IterationPrompts, responses.Prompts.Count);
        Assert.Equal(MiniPipeline.ResponsesPerPrompt, responses.ResponsesPerPrompt);
        Assert.Equal(responses.Flat().Sum(r => r.Length), pipeline.Outputs["sample"]["tokens"]!.GetValue<long>());
        Assert.All(responses.Flat(), r => Assert.InRange(r.Length, 1, new TaskOptions().MaxResponseTokens));
    }

    [Fact]
    public async Task Scores_are_policy_minus_reference_log_probabilities()
    {
        var scores = await ScoresDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("score", "scores")), default);
        Assert.Equal(MiniPipeline.IterationPrompts * MiniPipeline.ResponsesPerPrompt, scores.Rewards.Length);
        for (int i = 0; i < scores.Rewards.Length; i++)
        {
            Assert.Equal(scores.PolicyLogProbs[i] - scores.ReferenceLogProbs[i], scores.Rewards[i]);
            Assert.True(scores.PolicyLogProbs[i] < 0);
        }
        Assert.Contains(scores.Rewards, r => r != 0); // pi^0 differs from pi_ref
    }

    [Fact]
    public async Task Instance_selection_pairs_distinct_responses_and_counts_the_rest()
    {
        var candidates = await PairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("instance-select", "candidates")), default);
        Assert.Equal(MiniPipeline.IterationPrompts, candidates.Prompts);
        Assert.Equal(candidates.Pairs.Count, Int("instance-select", "count"));
        Assert.Equal(MiniPipeline.IterationPrompts, candidates.Pairs.Count + Int("instance-select", "skippedPrompts"));
        Assert.True(candidates.Scored);
        Assert.All(candidates.Pairs, p => Assert.False(p.FirstTokens.AsSpan().SequenceEqual(p.SecondTokens)));
    }

    [Fact]
    public async Task Corpus_selection_keeps_the_smallest_margins_within_the_budget()
    {
        var candidates = await PairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("instance-select", "candidates")), default);
        var kept = await PairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("corpus-select", "pairs")), default);
        int expected = Math.Min(MiniPipeline.Budget, candidates.Pairs.Count);
        Assert.Equal(expected, Int("corpus-select", "kept"));
        Assert.Equal(MiniPipeline.Budget - expected, Int("corpus-select", "shortfall"));
        Assert.Equal(candidates.Pairs.Select(p => p.Margin).Order().Take(expected), kept.Pairs.Select(p => p.Margin).Order());
    }

    [Fact]
    public async Task The_oracle_labels_every_kept_pair_with_coin_flips_for_ties()
    {
        var labelled = await LabelledPairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("oracle", "labelled")), default);
        Assert.Equal(Int("corpus-select", "kept"), labelled.Pairs.Count);
        Assert.Equal(labelled.Pairs.Count, Int("oracle", "count"));
        Assert.Equal(labelled.Pairs.Count(p => p.Tie), Int("oracle", "ties"));
        Assert.All(labelled.Pairs.Where(p => !p.Tie), p => Assert.True(p.GoldMargin > 0));
        double accuracy = labelled.Pairs.Average(p => p.ImplicitMargin == 0 ? 0.5 : p.ImplicitMargin > 0 ? 1.0 : 0.0);
        Assert.Equal(accuracy, pipeline.Outputs["oracle"]["rankingAccuracy"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void Training_and_evaluation_report_their_metrics()
    {
        Assert.True(Int("train", "steps") >= 1);
        Assert.True(double.IsFinite(pipeline.Outputs["train"]["loss"]!.GetValue<double>()));
        Assert.InRange(pipeline.Outputs["train"]["rewardAccuracy"]!.GetValue<double>(), 0, 1);
        foreach (string metric in new[] { "goldWinRate", "judgeWinRate", "exactMatch" })
        {
            Assert.InRange(pipeline.Outputs["eval"][metric]!.GetValue<double>(), 0, 1);
        }
        Assert.True(double.IsFinite(pipeline.Outputs["eval"]["kl"]!.GetValue<double>()));
        Assert.True(pipeline.Outputs["eval"]["meanLength"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task The_evaluation_report_is_json_with_every_number()
    {
        var report = JsonNode.Parse(await pipeline.Harness.ReadAsync(pipeline.Out("eval", "report")))!.AsObject();
        Assert.Equal(20, report["prompts"]!.GetValue<int>());
        Assert.Equal(pipeline.Outputs["eval"]["goldWinRate"]!.GetValue<double>(), report["goldWinRate"]!.GetValue<double>());
        Assert.True(report.ContainsKey("meanJudgeScore"));
    }

    [Fact]
    public async Task The_offline_chain_keeps_every_pair_of_distinct_samples_without_scores()
    {
        Assert.Equal(Int("offline-instance", "count"), Int("offline-corpus", "kept"));
        Assert.Equal(MiniPipeline.OfflinePrompts, Int("offline-instance", "count") + Int("offline-instance", "skippedPrompts"));
        var candidates = await PairsDataset.ReadAsync(await pipeline.Harness.ReadAsync(pipeline.Out("offline-instance", "candidates")), default);
        Assert.False(candidates.Scored);
        Assert.All(candidates.Pairs, p => Assert.Equal((0, 1), (p.First, p.Second)));
        Assert.Null(pipeline.Outputs["offline-oracle"]["rankingAccuracy"]);
        Assert.NotEqual(Harness.Hash(pipeline.Out("pretrain", "policy")), Harness.Hash(pipeline.Out("pi0", "policy")));
    }

    [Fact]
    public async Task The_same_inputs_and_seeds_give_byte_identical_artifacts()
    {
        using var again = new Harness();
        var outputs = new Dictionary<string, IReadOnlyDictionary<string, JsonNode?>>();
        await MiniPipeline.RunAsync(again, outputs, seed: 100);
        foreach (var (node, values) in pipeline.Outputs)
        {
            foreach (var (name, value) in values)
            {
                Assert.True(JsonNode.DeepEquals(value, outputs[node][name]), $"{node}.{name}: {value?.ToJsonString()} vs {outputs[node][name]?.ToJsonString()}");
            }
        }
    }
}
