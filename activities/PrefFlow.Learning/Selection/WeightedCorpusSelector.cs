using PrefFlow.Learning.Randomness;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// Corpus-level margin-weighted sampling without replacement: keeps the pairs of the largest Efraimidis-Spirakis
/// keys u^(1/w), w their <see cref="UncertaintyWeight"/>. Each pair's u comes from the seed and its prompt index,
/// so whether a pair is drawn depends only on its own key and the others' keys, never on the order of the corpus.
/// </summary>
public static class WeightedCorpusSelector
{
    /// <summary>Chooses <paramref name="count"/> indices into <paramref name="margins"/>, returned in ascending order.</summary>
    /// <param name="margins">One margin per pair; all finite.</param>
    /// <param name="promptIndices">The prompt of each pair (distinct prompts give independent draws).</param>
    /// <param name="count">How many pairs to keep, from 1 to the number of pairs.</param>
    /// <param name="beta">beta_s of the weights, finite and at least 0.</param>
    /// <param name="seed">The node's seed; the pair of prompt p draws from <see cref="Seeds.Derive(ulong, long)"/>(seed, p).</param>
    public static int[] Select(ReadOnlySpan<double> margins, ReadOnlySpan<int> promptIndices, int count, double beta, ulong seed)
    {
        if (margins.IsEmpty) throw new ArgumentException("the corpus is empty: there is nothing to select from.", nameof(margins));
        if (promptIndices.Length != margins.Length)
        {
            throw new ArgumentException($"promptIndices has {promptIndices.Length} entries but margins has {margins.Length}: give one prompt per pair.", nameof(promptIndices));
        }
        if (count < 1 || count > margins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 1 and the {margins.Length} pairs of the corpus.");
        }
        UncertaintyWeight.ValidateBeta(beta);
        var keys = new double[margins.Length];
        for (int i = 0; i < margins.Length; i++)
        {
            if (!double.IsFinite(margins[i]))
            {
                throw new ArgumentException($"margins[{i}] is {SelectionText.Number(margins[i])}: every margin must be finite.", nameof(margins));
            }
            keys[i] = UncertaintyWeight.Key(UncertaintyWeight.LogWeight(margins[i], beta), new SeededRandom(Seeds.Derive(seed, promptIndices[i])));
        }
        int[] order = [.. Enumerable.Range(0, margins.Length)];
        // Largest key first; equal keys (vanishingly rare) go to the lower index.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        int[] kept = order[..count];
        Array.Sort(kept);
        return kept;
    }
}
