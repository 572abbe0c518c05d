using PrefFlow.Learning.Pipeline;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Selection;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Tests.Pipeline;

public sealed class OnlineIterationTests
{
    private static readonly GoldRewardModel Gold = new(new GoldRewardOptions());
    private static readonly IterationOptions Small = new()
    {
        Sampling = new SamplingOptions { ResponsesPerPrompt = 4, MaxNewTokens = 10 },
        Training = new DpoOptions { BatchSize = 16, MicroBatchSize = 16, Epochs = 1 },
    };

    private static Prompt[] Prompts(int count) => new SyntheticTask(TestModels.Task, 8).Prompts(TaskSplit.Iteration, count);

    [Fact]
    public void An_iteration_keeps_the_budget_and_accounts_for_every_selected_pair()
    {
        using var reference = TestModels.Create(1);
        using var policy = TestModels.Create(2);
        var result = new OnlineIteration(Small with { Budget = SelectionBudget.Count(20) }, Gold).Run(policy, reference, Prompts(60), 3);
        Assert.Equal(60, result.Prompts);
        Assert.Equal(20, result.PairsSelected);
        Assert.Equal(result.PairsSelected - result.TiesDropped, result.Training.Pairs);
        Assert.Equal(result.Training.Pairs, result.Selected.Pairs);
    }

    [Fact]
    public void The_same_seed_gives_the_same_iteration()
    {
        using var reference = TestModels.Create(1);
        using var a = TestModels.Create(2);
        using var b = TestModels.Create(2);
        var first = new OnlineIteration(Small, Gold).Run(a, reference, Prompts(40), 3);
        var second = new OnlineIteration(Small, Gold).Run(b, reference, Prompts(40), 3);
        Assert.Equal(first.Training, second.Training);
        Assert.Equal(first.Selected, second.Selected);
    }

    [Fact]
    public void Training_against_the_previous_iteration_differs_from_the_fixed_reference()
    {
        using var reference = TestModels.Create(1);
        using var a = TestModels.Create(2);
        using var b = TestModels.Create(2);
        var fixedReference = new OnlineIteration(Small, Gold).Run(a, reference, Prompts(40), 3);
        var previous = new OnlineIteration(Small with { TrainingReference = TrainingReference.PreviousIteration }, Gold).Run(b, reference, Prompts(40), 3);
        // Same pairs (selection always scores against pi_ref), different regulariser: implicit rewards
        // against pi^{i-1} start at exactly zero, against pi_ref they do not.
        Assert.Equal(fixedReference.Selected, previous.Selected);
        Assert.NotEqual(fixedReference.Training.ChosenReward, previous.Training.ChosenReward);
    }

    [Fact]
    public void Fewer_than_two_responses_per_prompt_is_refused_clearly()
    {
        using var reference = TestModels.Create(1);
        using var policy = TestModels.Create(2);
        var options = Small with { Sampling = new SamplingOptions { ResponsesPerPrompt = 1 } };
        var error = Assert.Throws<ArgumentException>(() => new OnlineIteration(options, Gold).Run(policy, reference, Prompts(10), 1));
        Assert.Contains("at least 2 responses per prompt", error.Message);
    }

    [Fact]
    public void A_budget_larger_than_the_corpus_is_refused_clearly()
    {
        using var reference = TestModels.Create(1);
        using var policy = TestModels.Create(2);
        var error = Assert.ThrowsAny<ArgumentException>(() => new OnlineIteration(Small with { Budget = SelectionBudget.Count(500) }, Gold).Run(policy, reference, Prompts(10), 1));
        Assert.Contains("500", error.Message);
    }

    [Fact]
    public void No_prompts_is_refused_clearly()
    {
        using var reference = TestModels.Create(1);
        using var policy = TestModels.Create(2);
        Assert.Contains("no prompts", Assert.Throws<ArgumentException>(() => new OnlineIteration(Small, Gold).Run(policy, reference, [], 1)).Message);
    }
}
