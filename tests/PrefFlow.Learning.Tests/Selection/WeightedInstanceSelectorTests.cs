using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public sealed class WeightedInstanceSelectorTests
{
    private const double Beta = 0.1;

    private static double[] Repeat(double[] prompt, int times) => [.. Enumerable.Repeat(prompt, times).SelectMany(r => r)];

    [Fact]
    public void Small_margins_are_drawn_in_proportion_to_their_weight_but_not_exclusively()
    {
        // Pairs (0,1) margin 0.1, (0,2) margin 30, (1,2) margin 29.9: weights 0.2499, 0.0452, 0.0456.
        const int prompts = 20_000;
        var result = WeightedInstanceSelector.Select(Repeat([0.0, 0.1, 30.0], prompts), [], 3, Beta, seed: 11);
        Assert.Equal(prompts, result.Pairs.Length);
        double w01 = UncertaintyWeight.Weight(0.1, Beta), w02 = UncertaintyWeight.Weight(30, Beta), w12 = UncertaintyWeight.Weight(29.9, Beta);
        double small = result.Pairs.Count(p => (p.First, p.Second) == (0, 1)) / (double)prompts;
        double large = result.Pairs.Count(p => (p.First, p.Second) == (0, 2)) / (double)prompts;
        // Three standard deviations of a share over 20,000 draws are about 0.01.
        Assert.Equal(w01 / (w01 + w02 + w12), small, 0.01);     // about 0.733
        Assert.Equal(w02 / (w01 + w02 + w12), large, 0.01);     // about 0.133
    }

    [Fact]
    public void The_same_seed_draws_the_same_pairs_and_another_seed_others()
    {
        double[] rewards = Repeat([0.0, 1.0, 2.0, 3.0], 200);
        var first = WeightedInstanceSelector.Select(rewards, [], 4, Beta, seed: 5).Pairs;
        var again = WeightedInstanceSelector.Select(rewards, [], 4, Beta, seed: 5).Pairs;
        var other = WeightedInstanceSelector.Select(rewards, [], 4, Beta, seed: 6).Pairs;
        Assert.Equal(first.ToArray(), again.ToArray());
        Assert.NotEqual(first.ToArray(), other.ToArray());
    }

    [Fact]
    public void A_prompts_draw_does_not_depend_on_the_other_prompts()
    {
        var alone = WeightedInstanceSelector.Select([9.0, 3.0, 7.0, 3.5, 0.0, 1.0, 2.0, 3.0], [], 4, Beta, seed: 2).Pairs[0];
        var withOthers = WeightedInstanceSelector.Select([9.0, 3.0, 7.0, 3.5, 5.0, 5.5, 8.0, 1.0], [], 4, Beta, seed: 2).Pairs[0];
        Assert.Equal(alone, withOthers);
    }

    [Fact]
    public void Identical_responses_are_never_paired_and_are_counted()
    {
        // Prompt 0: responses 0 and 1 are identical (margin 0, the heaviest pair); prompt 1: all identical.
        var result = WeightedInstanceSelector.Select(Repeat([1.0, 1.0, 4.0], 100).Concat([2.0, 2.0, 2.0]).ToArray(),
            Enumerable.Repeat(new[] { 0, 0, 2 }, 100).SelectMany(i => i).Concat([0, 0, 0]).ToArray(), 3, Beta, seed: 1);
        Assert.Equal(100, result.Pairs.Length);
        Assert.All(result.Pairs, p => Assert.Equal(2, p.Second));
        Assert.Equal(1, result.PromptsWithoutDistinctPair);
        Assert.Equal(100 + 3, result.IdenticalPairsSkipped);
    }

    [Fact]
    public void Weights_that_underflow_still_favour_the_smaller_margins()
    {
        // Every weight is 0 in doubles; margins 1e6, 1e6 and 2e6 still order by their log weights.
        var result = WeightedInstanceSelector.Select(Repeat([0.0, 1e6, 2e6], 500), [], 3, 1.0, seed: 3);
        Assert.Equal(500, result.Pairs.Length);
        Assert.DoesNotContain(result.Pairs, p => (p.First, p.Second) == (0, 2));
        Assert.Contains(result.Pairs, p => (p.First, p.Second) == (0, 1));
        Assert.Contains(result.Pairs, p => (p.First, p.Second) == (1, 2));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_beta_is_refused(double beta)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => WeightedInstanceSelector.Select([0.0, 1.0], [], 2, beta, 0));
        Assert.Equal("beta", error.ParamName);
    }
}
