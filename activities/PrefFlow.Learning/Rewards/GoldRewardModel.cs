using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Rewards;

/// <summary>
/// The programmatic gold reward model: the annotator and main evaluator (PairRM's role in the paper).
/// Graded: the share of answer positions that hold the right digit, so a response with one wrong
/// digit scores more than one with three. Biased: every token adds <see cref="GoldRewardOptions.LengthBias"/>
/// and digits after the answer cost nothing, which a policy can exploit by padding.
/// </summary>
public sealed class GoldRewardModel
{
    /// <summary>Creates the model.</summary>
    public GoldRewardModel(GoldRewardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The model's settings.</summary>
    public GoldRewardOptions Options { get; }

    /// <summary>The reward of <paramref name="response"/> (generated tokens) for <paramref name="prompt"/>.</summary>
    public double Score(Prompt prompt, ReadOnlySpan<int> response)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var parsed = ParsedResponse.Parse(response);
        int[] target = prompt.TargetDigits();
        int[] digits = parsed.Digits();
        int matches = 0;
        for (int i = 0; i < Math.Min(target.Length, digits.Length); i++)
        {
            if (digits[i] == target[i]) matches++;
        }
        double reward = (double)matches / target.Length + Options.LengthBias * parsed.Body.Length;
        return parsed.Terminated ? reward : reward - Options.UnterminatedPenalty;
    }
}
