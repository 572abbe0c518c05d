using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public sealed class WeightedCorpusSelectorTests
{
    private const double Beta = 0.1;
    private static readonly int[] Prompts = [.. Enumerable.Range(0, 200)];

    // Even pairs have margin 0 (weight 0.25), odd ones 40 (weight 0.0177).
    private static readonly double[] Margins = [.. Prompts.Select(i => i % 2 == 0 ? 0.0 : 40.0)];

    [Fact]
    public void Keeps_the_budget_in_ascending_order_the_same_for_a_seed()
    {
        int[] kept = WeightedCorpusSelector.Select(Margins, Prompts, 20, Beta, seed: 4);
        Assert.Equal(20, kept.Length);
        Assert.Equal(kept.Order().Distinct(), kept);
        Assert.Equal(kept, WeightedCorpusSelector.Select(Margins, Prompts, 20, Beta, seed: 4));
        Assert.NotEqual(kept, WeightedCorpusSelector.Select(Margins, Prompts, 20, Beta, seed: 5));
    }

    [Fact]
    public void Small_margins_are_kept_more_often_than_large_ones_but_not_exclusively()
    {
        int small = 0, large = 0;
        for (ulong seed = 0; seed < 300; seed++)
        {
            foreach (int i in WeightedCorpusSelector.Select(Margins, Prompts, 20, Beta, seed))
            {
                if (i % 2 == 0) small++;
                else large++;
            }
        }
        Assert.Equal(300 * 20, small + large);
        Assert.True(small > 8 * large, $"{small} small-margin pairs kept against {large} large-margin ones");
        Assert.True(large > 0, "large margins must keep a chance");
    }

    [Fact]
    public void A_pairs_chance_does_not_depend_on_the_order_of_the_corpus()
    {
        int[] reversedPrompts = [.. Prompts.Reverse()];
        double[] reversedMargins = [.. Margins.Reverse()];
        var kept = WeightedCorpusSelector.Select(Margins, Prompts, 30, Beta, seed: 8).Select(i => Prompts[i]).Order();
        var keptReversed = WeightedCorpusSelector.Select(reversedMargins, reversedPrompts, 30, Beta, seed: 8).Select(i => reversedPrompts[i]).Order();
        Assert.Equal(kept, keptReversed);
    }

    [Fact]
    public void Weights_that_underflow_still_give_a_sample_favouring_the_smaller_margins()
    {
        double[] margins = [.. Prompts.Select(i => i < 100 ? 1e6 : 2e6)];
        int[] kept = WeightedCorpusSelector.Select(margins, Prompts, 50, 1.0, seed: 1);
        Assert.Equal(50, kept.Length);
        Assert.All(kept, i => Assert.True(i < 100));
    }

    [Fact]
    public void A_budget_beyond_the_corpus_or_a_mismatched_prompt_list_is_refused()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => WeightedCorpusSelector.Select([1.0], [0], 2, Beta, 0)).ParamName);
        Assert.Equal("promptIndices", Assert.Throws<ArgumentException>(() => WeightedCorpusSelector.Select([1.0, 2.0], [0], 1, Beta, 0)).ParamName);
        Assert.Equal("margins", Assert.Throws<ArgumentException>(() => WeightedCorpusSelector.Select([double.NaN], [0], 1, Beta, 0)).ParamName);
    }
}
