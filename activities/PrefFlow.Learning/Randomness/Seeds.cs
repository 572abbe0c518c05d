using System.Text;

namespace PrefFlow.Learning.Randomness;

/// <summary>
/// Derives independent child seeds from a parent seed and a label or index, so every random choice
/// of a run comes from (run seed, step path, iteration, item) and never from shared mutable state.
/// The derivation is a fixed hash: the same inputs give the same seed on every machine and version.
/// </summary>
public static class Seeds
{
    /// <summary>The seed for the child named <paramref name="label"/> (e.g. "sample", "dpo/shuffle").</summary>
    public static ulong Derive(ulong parent, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        // FNV-1a over UTF-8, then mixed with the parent: stable, fast, and well spread.
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(label))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }
        return SeededRandom.Mix(parent ^ SeededRandom.Mix(hash));
    }

    /// <summary>The seed for the child with number <paramref name="index"/> (e.g. a prompt or an iteration).</summary>
    public static ulong Derive(ulong parent, long index) =>
        SeededRandom.Mix(SeededRandom.Mix(parent + 0x632BE59BD9B4E019UL) ^ (ulong)index);

    /// <summary>A generator for the child named <paramref name="label"/>.</summary>
    public static SeededRandom Random(ulong parent, string label) => new(Derive(parent, label));
}
