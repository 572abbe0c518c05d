using System.Collections.Immutable;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// Instance-level best-worst pairing, as common iterative-DPO pipelines do: every response of a prompt is scored
/// by the gold reward model, and the best is paired with the worst. Costs N gold calls per prompt, against 2 for a
/// pair chosen before annotation.
/// </summary>
public static class BestWorstSelector
{
    /// <summary>Gold rewards closer than this tie, as they do for the oracle, which would drop such a pair.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>
    /// Pairs, per prompt, the response of the highest gold reward with the one of the lowest (the lowest index
    /// among equals). A prompt whose rewards all tie has no pair and counts in
    /// <see cref="InstanceSelectionResult.PromptsWithoutDistinctPair"/>. A pair's margin is its gold reward difference.
    /// </summary>
    /// <param name="goldRewards">Row-major M x N gold rewards; every reward must be finite.</param>
    /// <param name="responseIds">One id per response (equal ids are identical responses), or empty; only counted into
    /// <see cref="InstanceSelectionResult.IdenticalPairsSkipped"/>, as identical responses score alike.</param>
    /// <param name="responsesPerPrompt">N, at least 2.</param>
    public static InstanceSelectionResult Select(ReadOnlySpan<double> goldRewards, ReadOnlySpan<int> responseIds, int responsesPerPrompt)
    {
        InstanceSelector.ValidateInput(goldRewards, responseIds, responsesPerPrompt);
        int n = responsesPerPrompt;
        var pairs = ImmutableArray.CreateBuilder<SelectedPair>(goldRewards.Length / n);
        long identical = 0;
        for (int p = 0; p * n < goldRewards.Length; p++)
        {
            ReadOnlySpan<double> r = goldRewards.Slice(p * n, n);
            if (!responseIds.IsEmpty) identical += InstanceSelector.CountIdenticalPairs(responseIds.Slice(p * n, n));
            int best = 0, worst = 0;
            for (int j = 1; j < n; j++)
            {
                if (r[j] > r[best]) best = j;
                if (r[j] < r[worst]) worst = j;
            }
            if (r[best] - r[worst] <= TieTolerance) continue;
            pairs.Add(new SelectedPair(p, Math.Min(best, worst), Math.Max(best, worst), r[best] - r[worst]));
        }
        int withoutPair = goldRewards.Length / n - pairs.Count;
        return new InstanceSelectionResult(pairs.DrainToImmutable(), withoutPair, identical);
    }
}
