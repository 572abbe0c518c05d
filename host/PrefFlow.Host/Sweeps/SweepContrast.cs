namespace PrefFlow.Host.Sweeps;

/// <summary>
/// A paired comparison a sweep's report adds: every other value of a grid parameter (or every other arm) against a
/// baseline value, as differences taken within a seed, so that seed-to-seed spread shared by both cancels.
/// </summary>
/// <param name="Parameter">A grid parameter, or "arm".</param>
/// <param name="Baseline">The value (or arm label) the others are compared with.</param>
internal sealed record SweepContrast(string Parameter, string Baseline);
