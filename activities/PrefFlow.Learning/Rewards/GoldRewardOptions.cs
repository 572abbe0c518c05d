namespace PrefFlow.Learning.Rewards;

/// <summary>Settings of the gold reward model.</summary>
public sealed record GoldRewardOptions
{
    /// <summary>
    /// Reward added per response token. The gold RM does not penalise digits beyond the answer,
    /// so a positive bias makes padding answers with extra digits pay: a hackable bias, exposed by
    /// the second judge. (A bias of 0.02 per token proved too weak to be exploited; 0.05 is the default.)
    /// </summary>
    public double LengthBias { get; init; } = 0.05;

    /// <summary>Subtracted when a response never emits EOS within the token limit.</summary>
    public double UnterminatedPenalty { get; init; } = 0.5;

    /// <summary>
    /// Bradley-Terry label noise of annotations: a pair is labelled with probability
    /// sigmoid((r(a) - r(b)) / LabelNoise). 0 gives noiseless labels.
    /// </summary>
    public double LabelNoise { get; init; }

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(LengthBias) || LengthBias < 0) throw new ArgumentOutOfRangeException(nameof(LengthBias), LengthBias, "LengthBias must be a finite number >= 0");
        if (!double.IsFinite(UnterminatedPenalty) || UnterminatedPenalty < 0) throw new ArgumentOutOfRangeException(nameof(UnterminatedPenalty), UnterminatedPenalty, "UnterminatedPenalty must be a finite number >= 0");
        if (!double.IsFinite(LabelNoise) || LabelNoise < 0) throw new ArgumentOutOfRangeException(nameof(LabelNoise), LabelNoise, "LabelNoise must be a finite number >= 0");
    }
}
