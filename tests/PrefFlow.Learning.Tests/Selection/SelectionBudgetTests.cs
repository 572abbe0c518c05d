using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public class SelectionBudgetTests
{
    [Theory]
    [InlineData(1, 10, 1)]
    [InlineData(5, 10, 5)]
    [InlineData(10, 10, 10)]
    public void A_count_resolves_to_itself(int pairs, int corpus, int expected)
    {
        Assert.Equal(expected, SelectionBudget.Count(pairs).Resolve(corpus));
    }

    [Theory]
    [InlineData(0.5, 7, 3)]      // 3.5 rounds down
    [InlineData(0.5, 8, 4)]
    [InlineData(0.29, 100, 29)]  // 0.29 * 100 is 28.999999999999996: the slack keeps 29
    [InlineData(0.57, 100, 57)]  // 56.99999999999999
    [InlineData(0.999, 1000, 999)]
    [InlineData(0.9999, 1000, 999)]
    [InlineData(1.0, 13, 13)]
    [InlineData(0.1, 10, 1)]
    public void A_fraction_resolves_to_the_floor_with_slack_for_binary_rounding(double fraction, int corpus, int expected)
    {
        Assert.Equal(expected, SelectionBudget.Fraction(fraction).Resolve(corpus));
    }

    [Fact]
    public void A_count_larger_than_the_corpus_is_rejected_with_both_numbers()
    {
        var error = Assert.Throws<ArgumentException>(() => SelectionBudget.Count(11).Resolve(10));

        Assert.Equal("corpusSize", error.ParamName);
        Assert.Contains("budget of 11 pairs is larger than the corpus of 10 pairs", error.Message);
    }

    [Fact]
    public void A_fraction_that_keeps_no_pair_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SelectionBudget.Fraction(0.05).Resolve(10));

        Assert.Equal("corpusSize", error.ParamName);
        Assert.Contains("5% of 10 pairs keeps no pair", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_empty_corpus_is_rejected(int corpus)
    {
        var error = Assert.Throws<ArgumentException>(() => SelectionBudget.Count(1).Resolve(corpus));

        Assert.Equal("corpusSize", error.ParamName);
        Assert.Contains("the corpus is empty: there is nothing to select from", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_count_must_be_at_least_one(int pairs)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SelectionBudget.Count(pairs));

        Assert.Equal("pairs", error.ParamName);
        Assert.Contains("at least 1", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_fraction_must_be_in_the_half_open_unit_interval(double fraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SelectionBudget.Fraction(fraction));

        Assert.Equal("fraction", error.ParamName);
        Assert.Contains("(0, 1]", error.Message);
    }

    [Fact]
    public void The_default_budget_cannot_be_resolved()
    {
        var error = Assert.Throws<InvalidOperationException>(() => default(SelectionBudget).Resolve(10));

        Assert.Contains("not set", error.Message);
    }

    [Theory]
    [InlineData("5000", false, 5000, 0.0)]
    [InlineData("1", false, 1, 0.0)]
    [InlineData(" 42 ", false, 42, 0.0)]
    [InlineData("50%", true, 0, 0.5)]
    [InlineData(" 50 % ", true, 0, 0.5)]
    [InlineData("12.5%", true, 0, 0.125)]
    [InlineData("100%", true, 0, 1.0)]
    [InlineData("0.5", true, 0, 0.5)]
    [InlineData("1.0", true, 0, 1.0)]
    [InlineData("5e-3", true, 0, 0.005)]
    public void Parses_counts_percentages_and_fractions(string text, bool isFraction, int count, double fraction)
    {
        var budget = SelectionBudget.Parse(text);

        Assert.Equal(isFraction, budget.IsFraction);
        Assert.Equal(count, budget.PairCount);
        Assert.Equal(fraction, budget.FractionOfCorpus);
    }

    [Theory]
    [InlineData("5000")]
    [InlineData("50%")]
    [InlineData("12.5%")]
    [InlineData("33.3%")]
    [InlineData("100%")]
    [InlineData("0.5")]
    [InlineData("0.333")]
    [InlineData("1.0")]
    public void ToString_gives_back_the_notation_it_was_parsed_from(string text)
    {
        Assert.Equal(text, SelectionBudget.Parse(text).ToString());
    }

    [Theory]
    [InlineData(0.25, "25%")]
    [InlineData(1.0, "100%")]
    [InlineData(0.001, "0.1%")]
    public void A_fraction_prints_as_a_percentage(double fraction, string expected)
    {
        Assert.Equal(expected, SelectionBudget.Fraction(fraction).ToString());
    }

    [Theory]
    [InlineData(1.0 / 3)]
    [InlineData(0.1 + 0.2)]
    [InlineData(4.9e-324)]
    [InlineData(0.7)]
    public void Every_fraction_reads_back_from_its_text(double fraction)
    {
        var budget = SelectionBudget.Fraction(fraction);

        var back = SelectionBudget.Parse(budget.ToString());

        Assert.Equal(fraction, back.FractionOfCorpus);
        Assert.True(back.IsFraction);
    }

    [Fact]
    public void Equality_compares_values_not_notation()
    {
        Assert.Equal(SelectionBudget.Parse("50%"), SelectionBudget.Parse("0.5"));
        Assert.True(SelectionBudget.Fraction(0.5) == SelectionBudget.Parse("0.5"));
        Assert.NotEqual(SelectionBudget.Count(1), SelectionBudget.Fraction(1.0));
        Assert.True(SelectionBudget.Count(3) != SelectionBudget.Count(4));
        Assert.Equal(SelectionBudget.Parse("50%").GetHashCode(), SelectionBudget.Parse("0.5").GetHashCode());
    }

    [Theory]
    [InlineData("", "is not a number")]
    [InlineData("   ", "is not a number")]
    [InlineData("abc", "is not a number")]
    [InlineData("5,000", "is not a number")]
    [InlineData("50%%", "is not a percentage")]
    [InlineData("%", "is not a percentage")]
    [InlineData("NaN", "is not a number")]
    [InlineData("Infinity", "is not a number")]
    [InlineData("0", "at least 1")]
    [InlineData("-5", "(0, 1]")]
    [InlineData("1.5", "(0, 1]")]
    [InlineData("150%", "(0, 1]")]
    [InlineData("0%", "(0, 1]")]
    [InlineData("0.0", "(0, 1]")]
    [InlineData("99999999999", "at most 2147483647")]
    public void Bad_text_is_rejected_with_the_text_and_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => SelectionBudget.Parse(text));

        Assert.Contains($"\"{text}\"", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Contains("\"50%\"", error.Message);
    }

    [Fact]
    public void Null_text_is_rejected()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SelectionBudget.Parse(null!)).ParamName);
    }
}
