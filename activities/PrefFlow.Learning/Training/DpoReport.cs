namespace PrefFlow.Learning.Training;

/// <summary>
/// What preference training did: updates, pairs, and over the last epoch the mean objective (with the
/// NLL term when <see cref="DpoOptions.NllWeight"/> &gt; 0), the mean preference loss alone, the reward
/// accuracy (share of pairs whose implicit chosen reward beta*log(pi/pi_ref) exceeds the rejected one's),
/// the mean chosen and rejected rewards and their margin.
/// </summary>
public sealed record DpoReport(int Steps, int Pairs, double Loss, double PreferenceLoss, double RewardAccuracy, double ChosenReward, double RejectedReward)
{
    /// <summary>Mean chosen minus rejected implicit reward.</summary>
    public double Margin => ChosenReward - RejectedReward;
}
