using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public class InstanceSelectorErrorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Rejects_fewer_than_two_responses_per_prompt(int responsesPerPrompt)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => InstanceSelector.Select([1.0, 2.0], [], responsesPerPrompt, MarginOrder.Smallest));

        Assert.Equal("responsesPerPrompt", error.ParamName);
        Assert.Contains("responsesPerPrompt must be at least 2", error.Message);
    }

    [Fact]
    public void Rejects_rewards_that_are_not_a_multiple_of_the_responses_per_prompt()
    {
        var error = Assert.Throws<ArgumentException>(
            () => InstanceSelector.Select([1, 2, 3, 4, 5, 6, 7], [], 2, MarginOrder.Smallest));

        Assert.Equal("rewards", error.ParamName);
        Assert.Contains("7 entries", error.Message);
        Assert.Contains("not a multiple of responsesPerPrompt (2)", error.Message);
    }

    [Fact]
    public void Rejects_empty_rewards()
    {
        var error = Assert.Throws<ArgumentException>(() => InstanceSelector.Select([], [], 2, MarginOrder.Smallest));

        Assert.Equal("rewards", error.ParamName);
        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Rejects_response_ids_that_do_not_match_the_rewards(int idCount)
    {
        var error = Assert.Throws<ArgumentException>(
            () => InstanceSelector.Select([1, 2, 3, 4], new int[idCount], 2, MarginOrder.Smallest));

        Assert.Equal("responseIds", error.ParamName);
        Assert.Contains($"responseIds has {idCount} entries but rewards has 4", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+infinity")]
    [InlineData(double.NegativeInfinity, "-infinity")]
    public void Rejects_a_non_finite_reward_and_says_where(double bad, string shown)
    {
        double[] rewards = [1, 2, 3, 4, 5, 6, 7, 8];
        rewards[5] = bad;

        var error = Assert.Throws<ArgumentException>(() => InstanceSelector.Select(rewards, [], 4, MarginOrder.Random));

        Assert.Equal("rewards", error.ParamName);
        Assert.Contains($"rewards[5] (response 1 of prompt 1) is {shown}", error.Message);
    }

    [Fact]
    public void Rejects_an_unknown_order()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => InstanceSelector.Select([1.0, 2.0], [], 2, (MarginOrder)7));

        Assert.Equal("order", error.ParamName);
        Assert.Contains("order 7 is not a known MarginOrder", error.Message);
    }

    [Fact]
    public void The_result_rejects_negative_counts()
    {
        Assert.Equal("promptsWithoutDistinctPair",
            Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceSelectionResult([], -1, 0)).ParamName);
        Assert.Equal("identicalPairsSkipped",
            Assert.Throws<ArgumentOutOfRangeException>(() => new InstanceSelectionResult([], 0, -1)).ParamName);
        Assert.Equal("pairs",
            Assert.Throws<ArgumentException>(() => new InstanceSelectionResult(default, 0, 0)).ParamName);
    }
}
