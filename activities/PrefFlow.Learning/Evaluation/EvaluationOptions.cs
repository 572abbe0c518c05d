namespace PrefFlow.Learning.Evaluation;

/// <summary>How a policy is evaluated.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Most tokens of a greedy answer, EOS included.</summary>
    public int MaxNewTokens { get; init; } = 16;

    /// <summary>Prompts (the first ones of the evaluation set) used to estimate KL(pi || pi_ref).</summary>
    public int KlPrompts { get; init; } = 200;

    /// <summary>Temperature-1 samples per prompt for the KL estimate.</summary>
    public int KlSamplesPerPrompt { get; init; } = 4;

    /// <summary>Sequences per forward pass.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Throws a clear error when an option is out of range.</summary>
    public void Validate()
    {
        if (MaxNewTokens < 1) throw new ArgumentOutOfRangeException(nameof(MaxNewTokens), MaxNewTokens, "MaxNewTokens must be at least 1");
        if (KlPrompts < 0) throw new ArgumentOutOfRangeException(nameof(KlPrompts), KlPrompts, "KlPrompts must be >= 0");
        if (KlSamplesPerPrompt < 1) throw new ArgumentOutOfRangeException(nameof(KlSamplesPerPrompt), KlSamplesPerPrompt, "KlSamplesPerPrompt must be at least 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1");
    }
}
