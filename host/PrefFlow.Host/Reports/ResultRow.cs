using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>One metric value of one run at one iteration: a row of the tidy results table.</summary>
/// <param name="Cell">The sweep cell the run belongs to.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="RunId">The run.</param>
/// <param name="Iteration">1-based loop iteration; 0 for metrics of nodes outside loops (e.g. pi^0's evaluation).</param>
/// <param name="Budget">Prompts sampled in the iteration, when the schedule says.</param>
/// <param name="Metric">The metric's name as the run summary gives it (e.g. goldWinRate, or eval.goldWinRate).</param>
/// <param name="Value">The value.</param>
internal sealed record ResultRow(SweepCell Cell, ulong Seed, string RunId, int Iteration, int? Budget, string Metric, double Value);
