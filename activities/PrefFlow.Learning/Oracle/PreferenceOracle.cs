using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Oracle;

/// <summary>
/// Labels pairs chosen/rejected with the gold reward model, the stand-in for human annotators.
/// With <see cref="GoldRewardOptions.LabelNoise"/> &gt; 0 labels follow a Bradley-Terry model; each
/// pair's coin comes from its own derived seed, so a label never depends on which other pairs exist.
/// </summary>
public sealed class PreferenceOracle
{
    private const double TieTolerance = 1e-9;
    private readonly GoldRewardModel _gold;
    private readonly TiePolicy _ties;

    /// <summary>Creates an oracle over <paramref name="gold"/>.</summary>
    public PreferenceOracle(GoldRewardModel gold, TiePolicy ties = TiePolicy.Drop)
    {
        ArgumentNullException.ThrowIfNull(gold);
        _gold = gold;
        _ties = ties;
    }

    /// <summary>Labels one pair. <paramref name="pairSeed"/> drives noise and coin flips.</summary>
    /// <returns>The label, or null when the pair tied and ties are dropped.</returns>
    public PreferenceLabel? Label(Prompt prompt, ReadOnlySpan<int> first, ReadOnlySpan<int> second, ulong pairSeed)
    {
        double a = _gold.Score(prompt, first), b = _gold.Score(prompt, second);
        var random = new SeededRandom(pairSeed);
        bool tie = Math.Abs(a - b) <= TieTolerance;
        if (tie)
        {
            return _ties == TiePolicy.Drop ? null : new PreferenceLabel(random.NextDouble() < 0.5, a, b, Tie: true);
        }
        double noise = _gold.Options.LabelNoise;
        bool firstChosen = noise == 0 ? a > b : random.NextDouble() < 1.0 / (1.0 + Math.Exp(-(a - b) / noise));
        return new PreferenceLabel(firstChosen, a, b, Tie: false);
    }
}
