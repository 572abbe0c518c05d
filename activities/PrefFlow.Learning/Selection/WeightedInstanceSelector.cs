using System.Collections.Immutable;
using PrefFlow.Learning.Randomness;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// Instance-level margin-weighted sampling: per prompt, one pair of distinct responses drawn with probability
/// proportional to its <see cref="UncertaintyWeight"/>. Each prompt draws from its own seed, derived from the
/// caller's seed and the prompt index, so its choice never depends on other prompts.
/// </summary>
public static class WeightedInstanceSelector
{
    /// <summary>Draws one pair per prompt; arguments as <see cref="InstanceSelector.Select"/>'s.</summary>
    /// <param name="rewards">Row-major M x N rewards; every reward must be finite.</param>
    /// <param name="responseIds">One id per reward (equal ids are identical responses), or empty when all are distinct.</param>
    /// <param name="responsesPerPrompt">N, at least 2.</param>
    /// <param name="beta">beta_s of the weights, finite and at least 0.</param>
    /// <param name="seed">The node's seed; prompt p draws from <see cref="Seeds.Derive(ulong, long)"/>(seed, p).</param>
    public static InstanceSelectionResult Select(ReadOnlySpan<double> rewards, ReadOnlySpan<int> responseIds, int responsesPerPrompt, double beta, ulong seed)
    {
        InstanceSelector.ValidateInput(rewards, responseIds, responsesPerPrompt);
        UncertaintyWeight.ValidateBeta(beta);
        int n = responsesPerPrompt;
        var pairs = ImmutableArray.CreateBuilder<SelectedPair>(rewards.Length / n);
        long identical = 0;
        for (int p = 0; p * n < rewards.Length; p++)
        {
            ReadOnlySpan<double> r = rewards.Slice(p * n, n);
            ReadOnlySpan<int> ids = responseIds.IsEmpty ? default : responseIds.Slice(p * n, n);
            var random = new SeededRandom(Seeds.Derive(seed, p));
            int first = -1, second = -1;
            double best = double.NegativeInfinity;
            for (int a = 0; a < n - 1; a++)
            for (int b = a + 1; b < n; b++)
            {
                if (!ids.IsEmpty && ids[a] == ids[b])
                {
                    identical++;
                    continue;
                }
                double key = UncertaintyWeight.Key(UncertaintyWeight.LogWeight(r[a] - r[b], beta), random);
                if (first < 0 || key > best) (best, first, second) = (key, a, b);
            }
            if (first >= 0) pairs.Add(new SelectedPair(p, first, second, Math.Abs(r[first] - r[second])));
        }
        int withoutPair = rewards.Length / n - pairs.Count;
        return new InstanceSelectionResult(pairs.DrainToImmutable(), withoutPair, identical);
    }
}
