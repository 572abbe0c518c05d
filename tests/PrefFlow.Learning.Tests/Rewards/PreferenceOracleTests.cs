using PrefFlow.Learning.Oracle;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Tests.Rewards;

public sealed class PreferenceOracleTests
{
    private static readonly Prompt Copy = new(InstructionKind.Copy, [1, 2, 3, 4]);
    private static readonly int[] Good = [.. new[] { 1, 2, 3, 4 }.Select(Vocabulary.Digit), Vocabulary.Eos];
    private static readonly int[] Worse = [.. new[] { 1, 2, 9, 9 }.Select(Vocabulary.Digit), Vocabulary.Eos];
    private static readonly int[] AlsoWorse = [.. new[] { 9, 9, 3, 4 }.Select(Vocabulary.Digit), Vocabulary.Eos];

    [Fact]
    public void Noiseless_labels_follow_the_gold_reward_with_its_margin()
    {
        var oracle = new PreferenceOracle(new GoldRewardModel(new GoldRewardOptions { LengthBias = 0 }));
        var label = oracle.Label(Copy, Worse, Good, 1)!.Value;
        Assert.False(label.FirstChosen);
        Assert.Equal(0.5, label.GoldMargin, 12);
        Assert.False(label.Tie);
        Assert.True(oracle.Label(Copy, Good, Worse, 1)!.Value.FirstChosen);
    }

    [Fact]
    public void Ties_are_dropped_or_coin_flipped_by_policy()
    {
        var gold = new GoldRewardModel(new GoldRewardOptions { LengthBias = 0 });
        Assert.Null(new PreferenceOracle(gold, TiePolicy.Drop).Label(Copy, Worse, AlsoWorse, 1));
        var flips = Enumerable.Range(0, 400).Select(i => new PreferenceOracle(gold, TiePolicy.CoinFlip).Label(Copy, Worse, AlsoWorse, (ulong)i)!.Value).ToList();
        Assert.All(flips, l => Assert.True(l.Tie));
        Assert.InRange(flips.Count(l => l.FirstChosen), 160, 240);
    }

    [Fact]
    public void Bradley_terry_noise_flips_labels_at_the_model_rate()
    {
        // Margin 0.5 with noise 0.5: P(prefer the better) = sigmoid(1) = 0.731.
        var oracle = new PreferenceOracle(new GoldRewardModel(new GoldRewardOptions { LengthBias = 0, LabelNoise = 0.5 }));
        var labels = Enumerable.Range(0, 4000).Select(i => oracle.Label(Copy, Good, Worse, (ulong)i)!.Value).ToList();
        Assert.InRange(labels.Count(l => l.FirstChosen) / 4000.0, 0.70, 0.76);
        Assert.All(labels.Where(l => !l.FirstChosen), l => Assert.Equal(-0.5, l.GoldMargin, 12));
        Assert.Equal(labels, Enumerable.Range(0, 4000).Select(i => oracle.Label(Copy, Good, Worse, (ulong)i)!.Value).ToList());
    }
}
