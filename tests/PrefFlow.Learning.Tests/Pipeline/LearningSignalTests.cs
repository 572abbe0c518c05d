using PrefFlow.Learning.Evaluation;
using PrefFlow.Learning.Pipeline;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Selection;
using PrefFlow.Learning.Tasks;
using Xunit.Abstractions;

namespace PrefFlow.Learning.Tests.Pipeline;

/// <summary>
/// The backend learns for real: SFT of the tiny model, then one iteration of preference training on
/// oracle-labelled pairs of its own samples, with the library's default settings (none tuned here).
/// </summary>
public sealed class LearningSignalTests(ITestOutputHelper output)
{
    [Fact]
    public void One_iteration_on_oracle_labelled_pairs_raises_the_gold_win_rate_of_the_sft_policy()
    {
        const ulong seed = 1;
        var task = new SyntheticTask(new TaskOptions(), Seeds.Derive(seed, "task"));
        var gold = new GoldRewardModel(new GoldRewardOptions());
        var evaluator = new Evaluator(gold, new SecondJudge(), new ReferenceSystem(new ReferenceSystemOptions()), new EvaluationOptions { KlPrompts = 100 });
        var evaluationPrompts = task.Prompts(TaskSplit.Evaluation, 1000);

        using var reference = new PolicyBootstrap(new BootstrapOptions(), gold).TrainReference(task, seed, TorchSharp.torch.CPU);
        var before = evaluator.Evaluate(reference, reference, evaluationPrompts, 7);

        using var policy = reference.Clone();
        var options = new IterationOptions { InstanceOrder = MarginOrder.Random, CorpusOrder = MarginOrder.Random };
        var iteration = new OnlineIteration(options, gold).Run(policy, reference, task.Prompts(TaskSplit.Iteration, 2000), Seeds.Derive(seed, "iteration"));
        var after = evaluator.Evaluate(policy, reference, evaluationPrompts, 7);

        output.WriteLine($"before: gold win {before.GoldWinRate:F3}, judge win {before.JudgeWinRate:F3}, exact {before.ExactMatch:F3}");
        output.WriteLine($"after:  gold win {after.GoldWinRate:F3}, judge win {after.JudgeWinRate:F3}, exact {after.ExactMatch:F3}, KL {after.KlToReference:F3}");
        output.WriteLine($"trained on {iteration.PairsSelected - iteration.TiesDropped} pairs, reward accuracy {iteration.Training.RewardAccuracy:F3}");

        Assert.True(before.ExactMatch is > 0.1 and < 0.8, $"the SFT policy should be partly right (exact {before.ExactMatch:F3})");
        Assert.True(after.GoldWinRate > before.GoldWinRate, $"gold win rate {before.GoldWinRate:F3} -> {after.GoldWinRate:F3}");
        Assert.True(after.KlToReference > 0, "the policy moved away from pi_ref");
        Assert.True(iteration.Training.RewardAccuracy > 0.5);
    }
}
