using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// Instance-level selection: for each prompt, picks one pair of distinct responses by margin
/// |r(a) - r(b)|. Two responses with the same id are identical, and a pair of identical responses
/// teaches nothing, so such pairs are never chosen, only counted.
/// </summary>
public static class InstanceSelector
{
    // Large enough that scheduling costs nothing next to the work, small enough to balance two to many cores.
    internal const int PromptsPerBlock = 1 << 14;

    /// <summary>
    /// Picks one pair per prompt. <see cref="MarginOrder.Smallest"/> and <see cref="MarginOrder.Largest"/>
    /// take the pair of distinct responses with the smallest or largest margin; <see cref="MarginOrder.Random"/>
    /// takes the first two distinct responses in index order (the paper's baseline: the first two samples).
    /// Ties go to the lexicographically smallest (First, Second). Prompts whose responses are all identical
    /// yield no pair and are counted in <see cref="InstanceSelectionResult.PromptsWithoutDistinctPair"/>.
    /// </summary>
    /// <param name="rewards">Row-major M x N rewards: response j of prompt p is at p * N + j. Every reward must be finite.</param>
    /// <param name="responseIds">
    /// One id per reward, same layout: two responses of a prompt are identical iff their ids are equal
    /// (ids are only compared within a prompt). Empty means all responses are distinct.
    /// </param>
    /// <param name="responsesPerPrompt">N, at least 2.</param>
    /// <param name="order">Which margin to prefer.</param>
    public static InstanceSelectionResult Select(
        ReadOnlySpan<double> rewards, ReadOnlySpan<int> responseIds, int responsesPerPrompt, MarginOrder order)
    {
        Validate(rewards, responseIds, responsesPerPrompt, order);
        int n = responsesPerPrompt;
        int prompts = rewards.Length / n;
        int blocks = (prompts + PromptsPerBlock - 1) / PromptsPerBlock;

        // Blocks of prompts run in parallel, each writing only its own slice of the result, whose place is
        // fixed beforehand by counting: the output is the same as a serial run's, whatever the scheduling.
        // Counting first also lets the result be allocated once at its final size: at a million prompts the
        // allocation, not the comparisons, is what costs most.
        var blockCounts = new int[blocks];
        var blockIdentical = new long[blocks];
        SelectedPair[] pairs;
        unsafe
        {
            fixed (double* rewardsPointer = rewards)
            fixed (int* idsPointer = responseIds)
            {
                // Spans cannot cross into the worker threads, so the pinned addresses do; Parallel.For returns
                // only when every block is done, inside the fixed scope.
                var input = new PinnedInput(rewardsPointer, idsPointer, rewards.Length, responseIds.Length, n);
                Parallel.For(0, blocks, b => blockCounts[b] = CountPromptsWithDistinctPair(input.Ids(b), n, input.PromptCount(b)));

                var blockStarts = new int[blocks];
                int count = 0;
                for (int b = 0; b < blocks; b++)
                {
                    blockStarts[b] = count;
                    count += blockCounts[b];
                }
                var output = GC.AllocateUninitializedArray<SelectedPair>(count);
                Parallel.For(0, blocks, b => blockIdentical[b] =
                    SelectBlock(input.Rewards(b), input.Ids(b), n, b * PromptsPerBlock, order, output.AsSpan(blockStarts[b], blockCounts[b])));
                pairs = output;
            }
        }

        return new InstanceSelectionResult(
            ImmutableCollectionsMarshal.AsImmutableArray(pairs), prompts - pairs.Length, blockIdentical.Sum());
    }

    /// <summary>Fills <paramref name="output"/> with the pairs of one block's prompts and returns its identical pairs.</summary>
    private static long SelectBlock(
        ReadOnlySpan<double> rewards, ReadOnlySpan<int> responseIds, int n, int firstPrompt, MarginOrder order, Span<SelectedPair> output)
    {
        int next = 0;
        long identical = 0;
        for (int p = 0; p * n < rewards.Length; p++)
        {
            ReadOnlySpan<double> r = rewards.Slice(p * n, n);
            ReadOnlySpan<int> ids = responseIds.IsEmpty ? default : responseIds.Slice(p * n, n);
            identical += SelectOne(r, ids, order, out int first, out int second);
            if (first >= 0) output[next++] = new SelectedPair(firstPrompt + p, first, second, Math.Abs(r[first] - r[second]));
        }
        return identical;
    }

    private static int CountPromptsWithDistinctPair(ReadOnlySpan<int> responseIds, int n, int prompts)
    {
        if (responseIds.IsEmpty) return prompts;
        int count = 0;
        for (int start = 0; start < responseIds.Length; start += n)
        {
            if (FirstDifferent(responseIds.Slice(start, n)) > 0) count++;
        }
        return count;
    }

    /// <summary>Chooses the pair of one prompt (first = -1 when none) and returns its number of identical pairs.</summary>
    private static long SelectOne(ReadOnlySpan<double> r, ReadOnlySpan<int> ids, MarginOrder order, out int first, out int second)
    {
        first = -1;
        second = -1;
        if (order == MarginOrder.Random)
        {
            long identical = ids.IsEmpty ? 0 : CountIdenticalPairs(ids);
            // Response 0 belongs to the lexicographically first distinct pair whenever one exists.
            int other = ids.IsEmpty ? 1 : FirstDifferent(ids);
            if (other > 0) (first, second) = (0, other);
            return identical;
        }

        bool smallest = order == MarginOrder.Smallest;
        long same = 0;
        double best = 0;
        for (int a = 0; a < r.Length - 1; a++)
        {
            double ra = r[a];
            for (int b = a + 1; b < r.Length; b++)
            {
                if (!ids.IsEmpty && ids[a] == ids[b])
                {
                    same++;
                    continue;
                }
                double margin = Math.Abs(ra - r[b]);
                // Strict comparisons keep the first pair met in (a, b) order, which is the tie-break.
                if (first < 0 || (smallest ? margin < best : margin > best))
                {
                    best = margin;
                    first = a;
                    second = b;
                }
            }
        }
        return same;
    }

    internal static long CountIdenticalPairs(ReadOnlySpan<int> ids)
    {
        long same = 0;
        for (int a = 0; a < ids.Length - 1; a++)
        {
            int id = ids[a];
            for (int b = a + 1; b < ids.Length; b++)
            {
                if (ids[b] == id) same++;
            }
        }
        return same;
    }

    private static int FirstDifferent(ReadOnlySpan<int> ids)
    {
        int index = ids.Slice(1).IndexOfAnyExcept(ids[0]);
        return index < 0 ? -1 : index + 1;
    }

    private static void Validate(ReadOnlySpan<double> rewards, ReadOnlySpan<int> responseIds, int responsesPerPrompt, MarginOrder order)
    {
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order,
                $"order {(int)order} is not a known MarginOrder: expected Smallest, Largest or Random.");
        }
        ValidateInput(rewards, responseIds, responsesPerPrompt);
    }

    /// <summary>The checks of an M x N reward matrix and its ids that every instance-level selector shares.</summary>
    internal static void ValidateInput(ReadOnlySpan<double> rewards, ReadOnlySpan<int> responseIds, int responsesPerPrompt)
    {
        if (responsesPerPrompt < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(responsesPerPrompt), responsesPerPrompt,
                $"responsesPerPrompt must be at least 2 to form a pair, but it is {responsesPerPrompt}.");
        }
        if (rewards.IsEmpty)
        {
            throw new ArgumentException("rewards is empty: there are no prompts to select from.", nameof(rewards));
        }
        if (rewards.Length % responsesPerPrompt != 0)
        {
            throw new ArgumentException(
                $"rewards has {rewards.Length} entries, which is not a multiple of responsesPerPrompt ({responsesPerPrompt}): " +
                "it must hold N rewards for every prompt.", nameof(rewards));
        }
        if (!responseIds.IsEmpty && responseIds.Length != rewards.Length)
        {
            throw new ArgumentException(
                $"responseIds has {responseIds.Length} entries but rewards has {rewards.Length}: " +
                "give one id per response, or none when all responses are distinct.", nameof(responseIds));
        }
        for (int i = 0; i < rewards.Length; i++)
        {
            if (!double.IsFinite(rewards[i]))
            {
                throw new ArgumentException(
                    $"rewards[{i}] (response {i % responsesPerPrompt} of prompt {i / responsesPerPrompt}) is {SelectionText.Number(rewards[i])}: " +
                    "every reward must be finite.", nameof(rewards));
            }
        }
    }
}
