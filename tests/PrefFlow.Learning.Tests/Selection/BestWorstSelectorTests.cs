using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public sealed class BestWorstSelectorTests
{
    [Fact]
    public void Pairs_the_best_with_the_worst_response_of_each_prompt()
    {
        // Prompt 0: best 1 (0.9), worst 2 (0.1). Prompt 1: best 0 and 2 tie at 1.0 (the first wins), worst 3.
        var result = BestWorstSelector.Select([0.2, 0.9, 0.1, 0.5, 1.0, 0.4, 1.0, -1.0], [], 4);
        Assert.Equal(2, result.Pairs.Length);
        Assert.Equal(new SelectedPair(0, 1, 2, 0.8), result.Pairs[0] with { Margin = Math.Round(result.Pairs[0].Margin, 12) });
        Assert.Equal(new SelectedPair(1, 0, 3, 2.0), result.Pairs[1]);
        Assert.Equal(0, result.PromptsWithoutDistinctPair);
    }

    [Fact]
    public void A_prompt_whose_responses_all_tie_has_no_pair_and_is_counted()
    {
        var result = BestWorstSelector.Select([0.3, 0.3, 0.3 + 1e-12, 0.0, 0.5, 0.2], [0, 0, 2, 0, 1, 2], 3);
        Assert.Equal([new SelectedPair(1, 0, 1, 0.5)], result.Pairs.ToArray());
        Assert.Equal(1, result.PromptsWithoutDistinctPair);
        Assert.Equal(1, result.IdenticalPairsSkipped);
    }

    [Fact]
    public void Non_finite_rewards_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BestWorstSelector.Select([0.0, double.NaN], [], 2));
        Assert.Contains("rewards[1]", error.Message, StringComparison.Ordinal);
    }
}
