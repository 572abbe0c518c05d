using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public class InstanceSelectorTests
{
    // Prompt 0 margins: (0,1)=1 (0,2)=3 (0,3)=3.5 (1,2)=2 (1,3)=2.5 (2,3)=0.5
    // Prompt 1 margins: (0,1)=3 (0,2)=1 (0,3)=5   (1,2)=2 (1,3)=2   (2,3)=4
    private static readonly double[] TwoPrompts = [0.0, 1.0, 3.0, 3.5, 5.0, 2.0, 4.0, 0.0];

    [Theory]
    [InlineData(MarginOrder.Smallest, 2, 3, 0.5, 0, 2, 1.0)]
    [InlineData(MarginOrder.Largest, 0, 3, 3.5, 0, 3, 5.0)]
    [InlineData(MarginOrder.Random, 0, 1, 1.0, 0, 1, 3.0)]
    public void Picks_the_hand_checked_pair_of_each_prompt(
        MarginOrder order, int first0, int second0, double margin0, int first1, int second1, double margin1)
    {
        var result = InstanceSelector.Select(TwoPrompts, [], 4, order);

        Assert.Equal([new SelectedPair(0, first0, second0, margin0), new SelectedPair(1, first1, second1, margin1)], result.Pairs.ToArray());
        Assert.Equal(0, result.PromptsWithoutDistinctPair);
        Assert.Equal(0, result.IdenticalPairsSkipped);
    }

    [Theory]
    // (0,3) and (1,2) both have margin 1: the lower First wins even though its Second is higher.
    [InlineData(new[] { 0.0, 5.0, 6.0, 1.0 }, MarginOrder.Smallest, 0, 3)]
    // (0,1), (1,2), (2,3) all have margin 1.
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, MarginOrder.Smallest, 0, 1)]
    // (0,1), (0,3), (1,2), (2,3) all have margin 2; (0,2), (1,3) have 0.
    [InlineData(new[] { 0.0, 2.0, 0.0, 2.0 }, MarginOrder.Largest, 0, 1)]
    [InlineData(new[] { 0.0, 2.0, 0.0, 2.0 }, MarginOrder.Smallest, 0, 2)]
    // All margins equal.
    [InlineData(new[] { 7.0, 7.0, 7.0 }, MarginOrder.Largest, 0, 1)]
    [InlineData(new[] { 7.0, 7.0, 7.0 }, MarginOrder.Smallest, 0, 1)]
    public void Breaks_ties_by_the_lexicographically_smallest_pair(double[] rewards, MarginOrder order, int first, int second)
    {
        var pair = Assert.Single(InstanceSelector.Select(rewards, [], rewards.Length, order).Pairs);

        Assert.Equal((first, second), (pair.First, pair.Second));
    }

    [Theory]
    [InlineData(MarginOrder.Smallest)]
    [InlineData(MarginOrder.Largest)]
    [InlineData(MarginOrder.Random)]
    public void Handles_two_responses_per_prompt(MarginOrder order)
    {
        // Prompt 1 has two distinct responses with equal rewards; prompt 2 has one response twice.
        double[] rewards = [1.0, 3.0, 4.0, 4.0, 2.0, 2.0, 6.0, 1.5];
        int[] ids = [0, 1, 0, 1, 0, 0, 4, 9];

        var result = InstanceSelector.Select(rewards, ids, 2, order);

        Assert.Equal(
            [new SelectedPair(0, 0, 1, 2.0), new SelectedPair(1, 0, 1, 0.0), new SelectedPair(3, 0, 1, 4.5)],
            result.Pairs.ToArray());
        Assert.Equal(1, result.PromptsWithoutDistinctPair);
        Assert.Equal(1, result.IdenticalPairsSkipped);
    }

    [Theory]
    // The identical pair (0,1) has margin 0 but is never chosen; (0,3) and (1,3) tie at 0.5.
    [InlineData(MarginOrder.Smallest, 0, 3, 0.5)]
    // (0,2) and (1,2) tie at 3.
    [InlineData(MarginOrder.Largest, 0, 2, 3.0)]
    // Response 1 repeats response 0, so the first two distinct responses are 0 and 2.
    [InlineData(MarginOrder.Random, 0, 2, 3.0)]
    public void Skips_and_counts_identical_responses(MarginOrder order, int first, int second, double margin)
    {
        double[] rewards = [2.0, 2.0, 5.0, 2.5];
        int[] ids = [7, 7, 8, 9];

        var result = InstanceSelector.Select(rewards, ids, 4, order);

        Assert.Equal(new SelectedPair(0, first, second, margin), Assert.Single(result.Pairs));
        Assert.Equal(1, result.IdenticalPairsSkipped);
        Assert.Equal(0, result.PromptsWithoutDistinctPair);
    }

    [Theory]
    [InlineData(MarginOrder.Smallest)]
    [InlineData(MarginOrder.Largest)]
    [InlineData(MarginOrder.Random)]
    public void Prompts_without_a_distinct_pair_yield_nothing_and_are_counted(MarginOrder order)
    {
        // Prompt 0: all three identical (3 identical pairs). Prompt 1: ids 1,2,1 (1 identical pair).
        // Prompt 2: all identical (3). Prompt 3: all distinct.
        double[] rewards = [1, 1, 1, 4, 9, 4, 3, 3, 3, 0, 1, 2];
        int[] ids = [5, 5, 5, 1, 2, 1, 0, 0, 0, 0, 1, 2];

        var result = InstanceSelector.Select(rewards, ids, 3, order);

        Assert.Equal([1, 3], result.Pairs.Select(p => p.Prompt));
        Assert.Equal(2, result.PromptsWithoutDistinctPair);
        Assert.Equal(7, result.IdenticalPairsSkipped);
        Assert.All(result.Pairs, p => Assert.NotEqual(ids[p.Prompt * 3 + p.First], ids[p.Prompt * 3 + p.Second]));
    }

    [Fact]
    public void Compares_ids_only_within_a_prompt()
    {
        // Prompt 1 reuses the ids of prompt 0 (swapped): all four responses are still distinct within their prompt.
        var result = InstanceSelector.Select([1.0, 2.0, 5.0, 3.0], [5, 6, 6, 5], 2, MarginOrder.Smallest);

        Assert.Equal(2, result.Pairs.Length);
        Assert.Equal(0, result.IdenticalPairsSkipped);
    }

    [Fact]
    public void Empty_ids_mean_all_responses_are_distinct()
    {
        double[] rewards = [3.0, 3.0, 1.0, 8.0, 8.0, 8.0];

        var withoutIds = InstanceSelector.Select(rewards, [], 3, MarginOrder.Smallest);
        var withDistinctIds = InstanceSelector.Select(rewards, [0, 1, 2, 0, 1, 2], 3, MarginOrder.Smallest);

        Assert.Equal([new SelectedPair(0, 0, 1, 0.0), new SelectedPair(1, 0, 1, 0.0)], withoutIds.Pairs.ToArray());
        Assert.Equal(withoutIds.Pairs.ToArray(), withDistinctIds.Pairs.ToArray());
        Assert.Equal(0, withoutIds.PromptsWithoutDistinctPair);
    }

    [Fact]
    public void Margins_follow_the_pairs()
    {
        var result = InstanceSelector.Select(TwoPrompts, [], 4, MarginOrder.Largest);

        Assert.Equal([3.5, 5.0], result.GetMargins());
    }

    [Fact]
    public void Picks_the_largest_margin_even_when_it_overflows_to_infinity()
    {
        var pair = Assert.Single(InstanceSelector.Select([-1e308, 1e308, 0.0], [], 3, MarginOrder.Largest).Pairs);

        Assert.Equal((0, 1), (pair.First, pair.Second));
        Assert.True(double.IsPositiveInfinity(pair.Margin));
    }

    [Fact]
    public void Smallest_still_picks_a_pair_when_every_margin_overflows()
    {
        var pair = Assert.Single(InstanceSelector.Select([-1e308, 1e308], [], 2, MarginOrder.Smallest).Pairs);

        Assert.Equal((0, 1), (pair.First, pair.Second));
    }
}
