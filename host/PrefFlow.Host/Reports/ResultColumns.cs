using System.Globalization;
using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>The tidy table's columns, shared by the CSV and Parquet files: arm, one per grid axis, seed, run, iteration, budget, metric, value.</summary>
internal static class ResultColumns
{
    public static IReadOnlyList<string> Names(SweepSpec spec) =>
        ["arm", .. spec.Grid.Select(axis => axis.Parameter), "seed", "run", "iteration", "budget", "metric", "value"];

    /// <summary>A row's text values, in <see cref="Names"/> order (an unknown budget is empty).</summary>
    public static IReadOnlyList<string> Texts(SweepSpec spec, ResultRow row) =>
    [
        row.Cell.Arm,
        .. spec.Grid.Select(axis => row.Cell.Value(axis.Parameter) ?? ""),
        row.Seed.ToString(CultureInfo.InvariantCulture),
        row.RunId,
        row.Iteration.ToString(CultureInfo.InvariantCulture),
        row.Budget?.ToString(CultureInfo.InvariantCulture) ?? "",
        row.Metric,
        row.Value.ToString("R", CultureInfo.InvariantCulture),
    ];
}
