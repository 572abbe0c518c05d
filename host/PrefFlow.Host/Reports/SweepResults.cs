using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>What a sweep's runs produced: the tidy rows of the runs that succeeded, and the runs still missing.</summary>
/// <param name="Spec">The sweep.</param>
/// <param name="Rows">One row per (run, iteration, metric); a run shared by two cells has rows for both.</param>
/// <param name="Missing">Planned runs that have not succeeded (yet), with their status.</param>
internal sealed record SweepResults(SweepSpec Spec, IReadOnlyList<ResultRow> Rows, IReadOnlyList<(SweepMember Run, string Status)> Missing);
