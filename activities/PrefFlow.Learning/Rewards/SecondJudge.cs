using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Rewards;

/// <summary>
/// An independent judge without the gold RM's length bias (GPT-4's role in the paper): the
/// normalised edit similarity 1 - Levenshtein(response, answer) / max(lengths), so padding, missing
/// and misplaced digits all cost. A policy that hacks the gold RM wins there and loses here.
/// </summary>
public sealed class SecondJudge
{
    /// <summary>The judge's score in [0, 1] (1 only for the exact answer followed by EOS).</summary>
    public double Score(Prompt prompt, ReadOnlySpan<int> response)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var parsed = ParsedResponse.Parse(response);
        int[] target = prompt.TargetDigits();
        int[] digits = parsed.Digits();
        double similarity = 1.0 - (double)EditDistance(digits, target) / Math.Max(digits.Length, target.Length);
        return parsed.Terminated ? similarity : similarity / 2;
    }

    private static int EditDistance(int[] a, int[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
