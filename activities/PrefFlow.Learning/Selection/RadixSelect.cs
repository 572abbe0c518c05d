namespace PrefFlow.Learning.Selection;

/// <summary>
/// Order statistics of doubles by most-significant-digit radix selection: a few counting passes over the
/// input, no copy of it, linear time whatever the data (no pivot, so no bad case), and fully deterministic.
/// </summary>
internal static class RadixSelect
{
    // 2^11 counters fit on the stack and in L1, and six passes cover the 64 bits.
    private const int DigitBits = 11;

    /// <summary>
    /// A key with the same order as the value: flips the sign bit of positives and every bit of negatives.
    /// Adding 0.0 first turns -0.0 into +0.0, so the two zeros tie as they do under ==. Values must not be NaN.
    /// </summary>
    public static ulong Key(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value + 0.0);
        return bits < 0 ? ~(ulong)bits : (ulong)bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>The <see cref="Key"/> of the value of rank <paramref name="rank"/> (0-based) in ascending order.</summary>
    public static ulong NthSmallestKey(ReadOnlySpan<double> values, int rank)
    {
        if ((uint)rank >= (uint)values.Length) throw new ArgumentOutOfRangeException(nameof(rank));
        Span<int> counts = stackalloc int[1 << DigitBits];
        ulong prefix = 0;
        int remaining = rank;
        // Each pass counts, among the values whose higher digits equal the prefix found so far, how many
        // fall in each bucket of the next digit, then descends into the bucket holding the wanted rank.
        for (int shift = 64; shift > 0;)
        {
            int width = Math.Min(DigitBits, shift);
            ulong higherMask = shift == 64 ? 0 : ~0UL << shift;
            shift -= width;
            int digitMask = (1 << width) - 1;
            counts.Clear();
            foreach (double value in values)
            {
                ulong key = Key(value);
                if ((key & higherMask) == prefix) counts[(int)(key >> shift) & digitMask]++;
            }
            int bucket = 0;
            while (remaining >= counts[bucket]) remaining -= counts[bucket++];
            prefix |= (ulong)bucket << shift;
        }
        return prefix;
    }
}
