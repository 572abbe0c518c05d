using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>A metric's estimate over the seeds of one cell at one iteration.</summary>
internal sealed record CellEstimate(SweepCell Cell, int Iteration, int? Budget, string Metric, Estimate Estimate);
