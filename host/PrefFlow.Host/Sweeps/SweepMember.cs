namespace PrefFlow.Host.Sweeps;

/// <summary>One run of a sweep as its results know it: a cell, a seed and the run's id.</summary>
internal sealed record SweepMember(SweepCell Cell, ulong Seed, string RunId);
