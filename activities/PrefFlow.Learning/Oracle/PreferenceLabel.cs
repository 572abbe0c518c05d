namespace PrefFlow.Learning.Oracle;

/// <summary>
/// The oracle's verdict on one pair (a, b): whether a is chosen, the gold rewards of both, and
/// whether they tied. <see cref="GoldMargin"/> is r(chosen) - r(rejected), negative when label noise
/// flipped the verdict.
/// </summary>
public readonly record struct PreferenceLabel(bool FirstChosen, double FirstReward, double SecondReward, bool Tie)
{
    /// <summary>Gold reward of the chosen response minus that of the rejected one.</summary>
    public double GoldMargin => FirstChosen ? FirstReward - SecondReward : SecondReward - FirstReward;
}
