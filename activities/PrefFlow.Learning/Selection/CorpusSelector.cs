using PrefFlow.Learning.Randomness;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// Corpus-level selection: over all selected pairs (one margin each), keeps a budget of pairs with the
/// smallest, largest or random margins.
/// </summary>
public static class CorpusSelector
{
    /// <summary>
    /// Chooses <paramref name="budget"/> indices into <paramref name="margins"/>. Smallest and Largest keep the
    /// pairs with the smallest or largest margins, breaking ties by lower index; Random keeps a uniform sample
    /// without replacement drawn from <paramref name="seed"/> (partial Fisher-Yates over <see cref="SeededRandom"/>).
    /// </summary>
    /// <param name="margins">One margin per pair; all finite.</param>
    /// <param name="budget">How many pairs to keep; see <see cref="SelectionBudget"/> for how a fraction rounds.</param>
    /// <param name="order">Which margins to keep.</param>
    /// <param name="seed">Drives <see cref="MarginOrder.Random"/>; ignored otherwise.</param>
    /// <returns>The chosen indices, in ascending order.</returns>
    public static int[] Select(ReadOnlySpan<double> margins, SelectionBudget budget, MarginOrder order, ulong seed)
    {
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order,
                $"order {(int)order} is not a known MarginOrder: expected Smallest, Largest or Random.");
        }
        if (margins.IsEmpty)
        {
            throw new ArgumentException("the corpus is empty: there is nothing to select from.", nameof(margins));
        }
        if (!budget.IsSet)
        {
            throw new ArgumentException(
                "the budget is not set: create it with SelectionBudget.Count, SelectionBudget.Fraction or SelectionBudget.Parse.",
                nameof(budget));
        }
        if (budget.TryResolve(margins.Length, out int count) is { } error) throw new ArgumentException(error, nameof(budget));
        for (int i = 0; i < margins.Length; i++)
        {
            if (!double.IsFinite(margins[i]))
            {
                throw new ArgumentException($"margins[{i}] is {SelectionText.Number(margins[i])}: every margin must be finite.", nameof(margins));
            }
        }

        return order switch
        {
            MarginOrder.Smallest => KeepExtreme(margins, count, smallest: true),
            MarginOrder.Largest => KeepExtreme(margins, count, smallest: false),
            _ => KeepRandom(margins.Length, count, seed),
        };
    }

    /// <summary>
    /// Finds the margin of the count-th kept pair, then keeps every pair strictly beyond it and, among the
    /// pairs equal to it, the lowest indices: linear time, and ties fall to the lower index by construction.
    /// </summary>
    private static int[] KeepExtreme(ReadOnlySpan<double> margins, int count, bool smallest)
    {
        int rank = smallest ? count - 1 : margins.Length - count;
        ulong threshold = RadixSelect.NthSmallestKey(margins, rank);

        int beyond = 0;
        foreach (double margin in margins)
        {
            ulong key = RadixSelect.Key(margin);
            if (smallest ? key < threshold : key > threshold) beyond++;
        }
        int tiesToKeep = count - beyond;

        var kept = new int[count];
        int next = 0;
        for (int i = 0; i < margins.Length && next < count; i++)
        {
            ulong key = RadixSelect.Key(margins[i]);
            if (smallest ? key < threshold : key > threshold)
            {
                kept[next++] = i;
            }
            else if (key == threshold && tiesToKeep > 0)
            {
                kept[next++] = i;
                tiesToKeep--;
            }
        }
        return kept;
    }

    private static int[] KeepRandom(int size, int count, ulong seed)
    {
        var indices = new int[size];
        for (int i = 0; i < size; i++) indices[i] = i;
        var random = new SeededRandom(seed);
        // Partial Fisher-Yates: after step i, indices[0..i] is a uniform sample without replacement.
        for (int i = 0; i < count; i++)
        {
            int j = i + random.NextInt(size - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        int[] kept = indices.AsSpan(0, count).ToArray();
        Array.Sort(kept);
        return kept;
    }
}
