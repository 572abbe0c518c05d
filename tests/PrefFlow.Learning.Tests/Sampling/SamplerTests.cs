using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests.Sampling;

public sealed class SamplerTests
{
    private static List<int[]> Prompts(int count) =>
        [.. new SyntheticTask(TestModels.Task, 4).Prompts(TaskSplit.Iteration, count).Select(p => p.Tokens())];

    private static string Flatten(SampledResponse[][] responses) =>
        string.Join("|", responses.Select(r => string.Join(";", r.Select(s => string.Join(",", s.Tokens)))));

    [Fact]
    public void The_same_seed_gives_the_same_responses_whatever_the_batch_size_or_chunking()
    {
        using var policy = TestModels.Create(2);
        var prompts = Prompts(40);
        var options = new SamplingOptions { ResponsesPerPrompt = 3, MaxNewTokens = 10 };
        var whole = new Sampler(policy).Sample(prompts, options with { BatchSize = 256 }, seed: 5);
        var small = new Sampler(policy).Sample(prompts, options with { BatchSize = 7 }, seed: 5);
        var first = new Sampler(policy).Sample(prompts[..25], options, seed: 5);
        var rest = new Sampler(policy).Sample(prompts[25..], options, seed: 5, firstPromptIndex: 25);
        Assert.Equal(Flatten(whole), Flatten(small));
        Assert.Equal(Flatten(whole), Flatten([.. first, .. rest]));
        Assert.NotEqual(Flatten(whole), Flatten(new Sampler(policy).Sample(prompts, options, seed: 6)));
    }

    [Fact]
    public void Responses_of_one_prompt_differ_and_respect_the_token_limit()
    {
        using var policy = TestModels.Create(2);
        var responses = new Sampler(policy).Sample(Prompts(20), new SamplingOptions { ResponsesPerPrompt = 8, MaxNewTokens = 6 }, 1);
        Assert.All(responses.SelectMany(r => r), r => Assert.InRange(r.Tokens.Length, 1, 6));
        Assert.All(responses.SelectMany(r => r), r => Assert.Equal(r.Tokens.Length, r.LogProbs.Length));
        Assert.Contains(responses, r => r.Select(s => string.Join(",", s.Tokens)).Distinct().Count() > 1);
    }

    [Fact]
    public void Generation_stops_at_eos_unless_told_otherwise()
    {
        using var policy = TestModels.Create(3);
        var prompts = Prompts(30);
        var stopping = new Sampler(policy).Sample(prompts, new SamplingOptions { ResponsesPerPrompt = 4, MaxNewTokens = 12 }, 2);
        Assert.All(stopping.SelectMany(r => r), r => Assert.DoesNotContain(Vocabulary.Eos, r.Tokens[..^1]));
        var fixedLength = new Sampler(policy).Sample(prompts, new SamplingOptions { ResponsesPerPrompt = 4, MaxNewTokens = 12, StopAtEos = false }, 2);
        Assert.All(fixedLength.SelectMany(r => r), r => Assert.Equal(12, r.Tokens.Length));
    }

    [Fact]
    public void Top_k_of_one_is_greedy_and_greedy_ignores_the_seed()
    {
        using var policy = TestModels.Create(4);
        var prompts = Prompts(15);
        var greedy = new Sampler(policy).Sample(prompts, new SamplingOptions { Greedy = true, MaxNewTokens = 8 }, 1);
        var greedyOtherSeed = new Sampler(policy).Sample(prompts, new SamplingOptions { Greedy = true, MaxNewTokens = 8 }, 99);
        var topOne = new Sampler(policy).Sample(prompts, new SamplingOptions { TopK = 1, MaxNewTokens = 8 }, 3);
        Assert.Equal(Flatten(greedy), Flatten(greedyOtherSeed));
        Assert.Equal(Flatten(greedy), Flatten(topOne));
    }

    [Fact]
    public void Log_probs_are_those_of_the_untempered_model()
    {
        using var policy = TestModels.Create(5);
        var prompts = Prompts(10);
        var hot = new Sampler(policy).Sample(prompts, new SamplingOptions { Temperature = 3.0, TopK = 0, MaxNewTokens = 8 }, 1);
        var items = prompts.SelectMany((p, i) => hot[i].Select(r => new PrefFlow.Learning.Scoring.ScoredSequence(p, r.Tokens))).ToList();
        var scored = new PrefFlow.Learning.Scoring.SequenceScorer(policy).LogProbs(items);
        var sampled = hot.SelectMany(r => r).Select(r => r.LogProb).ToArray();
        for (int i = 0; i < scored.Length; i++) Assert.True(Math.Abs(scored[i] - sampled[i]) < 1e-3, $"{i}: {scored[i]} vs {sampled[i]}");
    }

    [Theory]
    [InlineData(0, 1.0, 50, 16, "ResponsesPerPrompt")]
    [InlineData(2, 0.0, 50, 16, "Temperature")]
    [InlineData(2, double.NaN, 50, 16, "Temperature")]
    [InlineData(2, 1.0, -1, 16, "TopK")]
    [InlineData(2, 1.0, 50, 0, "MaxNewTokens")]
    public void Bad_options_name_the_option(int n, double temperature, int topK, int maxNew, string option)
    {
        using var policy = TestModels.Create(1);
        var options = new SamplingOptions { ResponsesPerPrompt = n, Temperature = temperature, TopK = topK, MaxNewTokens = maxNew };
        Assert.Equal(option, Assert.Throws<ArgumentOutOfRangeException>(() => new Sampler(policy).Sample(Prompts(2), options, 1)).ParamName);
    }
}
