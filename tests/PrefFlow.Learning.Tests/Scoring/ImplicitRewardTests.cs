using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Scoring;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests.Scoring;

public sealed class ImplicitRewardTests
{
    [Fact]
    public void A_policy_scored_against_itself_has_zero_implicit_reward()
    {
        using var policy = TestModels.Create(6);
        using var copy = TestModels.Create(6);
        var prompts = new SyntheticTask(TestModels.Task, 2).Prompts(TaskSplit.Iteration, 30).Select(p => p.Tokens()).ToList();
        var responses = new Sampler(policy).Sample(prompts, new SamplingOptions { ResponsesPerPrompt = 4, MaxNewTokens = 10 }, 1);
        var items = prompts.SelectMany((p, i) => responses[i].Select(r => new ScoredSequence(p, r.Tokens))).ToList();
        var lengths = items.Select(i => i.Response.Length).ToArray();
        var a = new SequenceScorer(policy, batchSize: 17).LogProbs(items);
        var b = new SequenceScorer(copy, batchSize: 17).LogProbs(items);
        foreach (bool normalised in new[] { false, true })
        {
            Assert.All(ImplicitReward.Compute(a, b, lengths, normalised), r => Assert.Equal(0.0, r));
        }
        Assert.All(a, logProb => Assert.True(logProb < 0));
    }

    [Fact]
    public void Teacher_forced_scores_equal_the_samplers_log_probs()
    {
        using var policy = TestModels.Create(8);
        var prompts = new SyntheticTask(TestModels.Task, 2).Prompts(TaskSplit.Iteration, 10).Select(p => p.Tokens()).ToList();
        var responses = new Sampler(policy).Sample(prompts, new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 10 }, 4);
        var items = prompts.SelectMany((p, i) => responses[i].Select(r => new ScoredSequence(p, r.Tokens))).ToList();
        var scored = new SequenceScorer(policy).LogProbs(items);
        var sampled = responses.SelectMany(r => r).Select(r => r.LogProb).ToArray();
        for (int i = 0; i < scored.Length; i++) Assert.True(Math.Abs(scored[i] - sampled[i]) < 1e-3, $"{i}: {scored[i]} vs {sampled[i]}");
    }

    [Fact]
    public void Length_normalisation_divides_by_the_response_length()
    {
        var rewards = ImplicitReward.Compute([-2.0, -9.0], [-3.0, -5.0], [4, 2], lengthNormalised: true);
        Assert.Equal([0.25, -2.0], rewards);
        Assert.Throws<ArgumentException>(() => ImplicitReward.Compute([1.0], [1.0, 2.0], [1], false));
    }
}
