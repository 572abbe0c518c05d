namespace PrefFlow.Learning.Tasks;

/// <summary>Shape of the synthetic task.</summary>
public sealed record TaskOptions
{
    /// <summary>Fewest digits in a prompt.</summary>
    public int MinDigits { get; init; } = 3;

    /// <summary>Most digits in a prompt.</summary>
    public int MaxDigits { get; init; } = 8;

    /// <summary>The instruction kinds drawn, uniformly.</summary>
    public IReadOnlyList<InstructionKind> Kinds { get; init; } = Enum.GetValues<InstructionKind>();

    /// <summary>
    /// Probability that a token of an SFT demonstration is replaced by a random digit (or the
    /// demonstration, with a quarter of this probability, loses or gains a digit). Imperfect
    /// demonstrations make pi_ref improvable.
    /// </summary>
    public double DemonstrationNoise { get; init; } = 0.1;

    /// <summary>
    /// Probability that a demonstration follows the kind's systematic slip (<see cref="Prompt.SlipDigits"/>)
    /// instead of the correct rule. Near 1/2, SFT's greedy answers often follow the slip while its
    /// samples still contain the correct behaviour: a mistake at the level of the mode, which
    /// preference learning can correct (independent token noise alone cannot make greedy answers wrong).
    /// </summary>
    public double SlipRate { get; init; } = 0.5;

    /// <summary>The most tokens a response may have, EOS included.</summary>
    public int MaxResponseTokens { get; init; } = 16;

    /// <summary>The longest prompt in tokens.</summary>
    public int MaxPromptTokens => MaxDigits + 3;

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        if (MinDigits < 2) throw new ArgumentOutOfRangeException(nameof(MinDigits), MinDigits, "MinDigits must be at least 2 (rotate needs two digits)");
        if (MaxDigits < MinDigits) throw new ArgumentOutOfRangeException(nameof(MaxDigits), MaxDigits, $"MaxDigits must be at least MinDigits ({MinDigits})");
        if (Kinds.Count == 0) throw new ArgumentException("at least one instruction kind is needed", nameof(Kinds));
        if (!(DemonstrationNoise >= 0 && DemonstrationNoise < 1)) throw new ArgumentOutOfRangeException(nameof(DemonstrationNoise), DemonstrationNoise, "DemonstrationNoise must be in [0, 1)");
        if (!(SlipRate >= 0 && SlipRate <= 1)) throw new ArgumentOutOfRangeException(nameof(SlipRate), SlipRate, "SlipRate must be in [0, 1]");
        if (MaxResponseTokens < MaxDigits + 1) throw new ArgumentOutOfRangeException(nameof(MaxResponseTokens), MaxResponseTokens, $"MaxResponseTokens must leave room for the longest answer and EOS ({MaxDigits + 1})");
    }
}
