using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public class CorpusSelectorTests
{
    //                                         0    1    2    3    4    5    6    7
    private static readonly double[] Margins = [0.5, 2.0, 0.1, 3.0, 0.5, 2.0, 0.5, 9.0];

    [Theory]
    [InlineData(1, new[] { 2 })]
    [InlineData(2, new[] { 0, 2 })]           // three margins of 0.5 tie: the lowest index wins
    [InlineData(3, new[] { 0, 2, 4 })]
    [InlineData(4, new[] { 0, 2, 4, 6 })]
    [InlineData(5, new[] { 0, 1, 2, 4, 6 })]
    [InlineData(8, new[] { 0, 1, 2, 3, 4, 5, 6, 7 })]
    public void Smallest_keeps_the_smallest_margins_with_ties_to_the_lower_index(int count, int[] expected)
    {
        Assert.Equal(expected, CorpusSelector.Select(Margins, SelectionBudget.Count(count), MarginOrder.Smallest, 0));
    }

    [Theory]
    [InlineData(1, new[] { 7 })]
    [InlineData(2, new[] { 3, 7 })]
    [InlineData(3, new[] { 1, 3, 7 })]       // two margins of 2.0 tie: the lowest index wins
    [InlineData(4, new[] { 1, 3, 5, 7 })]
    [InlineData(5, new[] { 0, 1, 3, 5, 7 })]
    public void Largest_keeps_the_largest_margins_with_ties_to_the_lower_index(int count, int[] expected)
    {
        Assert.Equal(expected, CorpusSelector.Select(Margins, SelectionBudget.Count(count), MarginOrder.Largest, 0));
    }

    [Fact]
    public void A_fraction_budget_keeps_its_floor()
    {
        // 0.5 * 8 = 4; 0.3 * 8 = 2.4 -> 2.
        Assert.Equal([0, 2, 4, 6], CorpusSelector.Select(Margins, SelectionBudget.Fraction(0.5), MarginOrder.Smallest, 0));
        Assert.Equal([3, 7], CorpusSelector.Select(Margins, SelectionBudget.Parse("30%"), MarginOrder.Largest, 0));
    }

    [Fact]
    public void Treats_negative_and_positive_zero_as_a_tie()
    {
        Assert.Equal([0, 1], CorpusSelector.Select([0.0, -0.0, 0.0, 1.0], SelectionBudget.Count(2), MarginOrder.Smallest, 0));
    }

    [Fact]
    public void Random_is_a_sample_without_repeats_in_ascending_order()
    {
        var margins = new double[1000];

        int[] kept = CorpusSelector.Select(margins, SelectionBudget.Count(300), MarginOrder.Random, 7);

        Assert.Equal(300, kept.Length);
        Assert.Equal(300, kept.Distinct().Count());
        Assert.All(kept, i => Assert.InRange(i, 0, 999));
        Assert.Equal(kept.Order(), kept);
    }

    [Fact]
    public void Random_is_deterministic_for_a_seed_and_differs_across_seeds()
    {
        var margins = new double[1000];
        var budget = SelectionBudget.Fraction(0.1);

        int[] first = CorpusSelector.Select(margins, budget, MarginOrder.Random, 11);
        int[] again = CorpusSelector.Select(margins, budget, MarginOrder.Random, 11);
        int[] other = CorpusSelector.Select(margins, budget, MarginOrder.Random, 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Random_ignores_the_margins()
    {
        int[] zeros = CorpusSelector.Select(new double[50], SelectionBudget.Count(10), MarginOrder.Random, 3);
        int[] spread = CorpusSelector.Select(Enumerable.Range(0, 50).Select(i => (double)i).ToArray(), SelectionBudget.Count(10), MarginOrder.Random, 3);

        Assert.Equal(zeros, spread);
    }

    [Fact]
    public void Random_is_the_partial_Fisher_Yates_of_the_seeded_generator()
    {
        // Written out by hand so that a change of algorithm, which would change every run's data, is noticed.
        var random = new SeededRandom(99);
        int[] indices = [0, 1, 2, 3, 4, 5];
        for (int i = 0; i < 3; i++)
        {
            int j = i + random.NextInt(6 - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        int[] expected = indices[..3].Order().ToArray();

        Assert.Equal(expected, CorpusSelector.Select(new double[6], SelectionBudget.Count(3), MarginOrder.Random, 99));
    }

    [Fact]
    public void Random_keeps_every_index_about_equally_often()
    {
        var counts = new int[10];
        for (ulong seed = 0; seed < 20000; seed++)
        {
            foreach (int i in CorpusSelector.Select(new double[10], SelectionBudget.Count(3), MarginOrder.Random, seed)) counts[i]++;
        }
        // Expected 6000 each; the standard deviation is about 65.
        Assert.All(counts, c => Assert.InRange(c, 5700, 6300));
    }

    [Theory]
    [InlineData(MarginOrder.Smallest)]
    [InlineData(MarginOrder.Largest)]
    public void Matches_a_sort_on_random_corpora(MarginOrder order)
    {
        var random = new SeededRandom(Seeds.Derive(77, order.ToString()));
        for (int trial = 0; trial < 2000; trial++)
        {
            int size = random.NextInt(1, trial % 10 == 0 ? 3000 : 200);
            int kinds = random.NextInt(1, 20);
            var margins = new double[size];
            for (int i = 0; i < size; i++) margins[i] = random.NextInt(kinds) * 0.5;
            int count = random.NextInt(1, size);

            var ranked = order == MarginOrder.Smallest
                ? Enumerable.Range(0, size).OrderBy(i => margins[i])
                : Enumerable.Range(0, size).OrderByDescending(i => margins[i]);
            int[] expected = ranked.ThenBy(i => i).Take(count).Order().ToArray();

            Assert.Equal(expected, CorpusSelector.Select(margins, SelectionBudget.Count(count), order, 0));
        }
    }

    [Fact]
    public void Handles_a_large_corpus_of_distinct_margins()
    {
        var random = new SeededRandom(5);
        var margins = new double[200_000];
        for (int i = 0; i < margins.Length; i++) margins[i] = random.NextDouble();
        double[] sorted = margins.Order().ToArray();

        int[] kept = CorpusSelector.Select(margins, SelectionBudget.Fraction(0.25), MarginOrder.Smallest, 0);

        Assert.Equal(50_000, kept.Length);
        Assert.All(kept, i => Assert.True(margins[i] <= sorted[49_999]));
        Assert.Equal(kept.Order(), kept);
    }

    [Fact]
    public void Rejects_an_empty_corpus()
    {
        var error = Assert.Throws<ArgumentException>(
            () => CorpusSelector.Select([], SelectionBudget.Count(1), MarginOrder.Smallest, 0));

        Assert.Equal("margins", error.ParamName);
        Assert.Contains("the corpus is empty: there is nothing to select from", error.Message);
    }

    [Fact]
    public void Rejects_a_budget_larger_than_the_corpus()
    {
        var error = Assert.Throws<ArgumentException>(
            () => CorpusSelector.Select(Margins, SelectionBudget.Count(9), MarginOrder.Largest, 0));

        Assert.Equal("budget", error.ParamName);
        Assert.Contains("budget of 9 pairs is larger than the corpus of 8 pairs", error.Message);
    }

    [Fact]
    public void Rejects_a_fraction_that_keeps_no_pair()
    {
        var error = Assert.Throws<ArgumentException>(
            () => CorpusSelector.Select(Margins, SelectionBudget.Fraction(0.1), MarginOrder.Random, 0));

        Assert.Equal("budget", error.ParamName);
        Assert.Contains("keeps no pair", error.Message);
    }

    [Fact]
    public void Rejects_an_unset_budget()
    {
        var error = Assert.Throws<ArgumentException>(
            () => CorpusSelector.Select(Margins, default, MarginOrder.Smallest, 0));

        Assert.Equal("budget", error.ParamName);
        Assert.Contains("not set", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+infinity")]
    [InlineData(double.NegativeInfinity, "-infinity")]
    public void Rejects_a_non_finite_margin_and_says_which(double bad, string shown)
    {
        double[] margins = [1, 2, 3, 4];
        margins[2] = bad;

        var error = Assert.Throws<ArgumentException>(
            () => CorpusSelector.Select(margins, SelectionBudget.Count(1), MarginOrder.Random, 0));

        Assert.Equal("margins", error.ParamName);
        Assert.Contains($"margins[2] is {shown}", error.Message);
    }

    [Fact]
    public void Rejects_an_unknown_order()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => CorpusSelector.Select(Margins, SelectionBudget.Count(1), (MarginOrder)(-1), 0));

        Assert.Equal("order", error.ParamName);
        Assert.Contains("order -1 is not a known MarginOrder", error.Message);
    }
}
