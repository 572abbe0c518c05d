namespace PrefFlow.Host.Sweeps;

/// <summary>The seeds of a sweep given as a count: first, first + 1, ...</summary>
internal static class SweepSeeds
{
    public static IReadOnlyList<ulong> Count(int count, ulong first) =>
        [.. Enumerable.Range(0, count).Select(i => first + (ulong)i)];
}
