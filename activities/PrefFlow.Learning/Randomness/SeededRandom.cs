namespace PrefFlow.Learning.Randomness;

/// <summary>
/// A small, portable pseudo-random generator (SplitMix64). Its whole state is one <see cref="ulong"/>,
/// so it can be checkpointed and restored exactly, and its output never depends on the .NET version
/// (unlike <see cref="Random"/>, whose seeded sequence is not a documented contract).
/// </summary>
public sealed class SeededRandom
{
    private const double UnitScale = 1.0 / (1UL << 53);

    /// <summary>Creates a generator whose sequence is fully determined by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed) => State = seed;

    /// <summary>The generator's whole state; assigning it restores a saved position in the sequence.</summary>
    public ulong State { get; set; }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        State += 0x9E3779B97F4A7C15UL;
        return Mix(State);
    }

    /// <summary>A uniform double in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * UnitScale;

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        // Lemire's multiply-shift with rejection: unbiased and branch-light.
        ulong bound = (ulong)exclusiveMax;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong value = NextUInt64();
            UInt128 product = (UInt128)value * bound;
            if ((ulong)product >= threshold) return (int)(product >> 64);
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="inclusiveMax"/>].</summary>
    public int NextInt(int min, int inclusiveMax) => min + NextInt(inclusiveMax - min + 1);

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
