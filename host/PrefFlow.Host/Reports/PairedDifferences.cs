using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>
/// Differences against a baseline cell, paired by seed: for each cell that is not the baseline, each seed's value
/// minus the value of the cell that differs only in the contrasted parameter (set to the baseline), with their mean
/// and 95% interval. An interval that excludes 0 is a difference the seeds agree on.
/// </summary>
internal static class PairedDifferences
{
    public static IReadOnlyList<CellEstimate> Of(IReadOnlyList<ResultRow> rows, IReadOnlyList<string> metrics, SweepContrast contrast)
    {
        var baseline = rows.Where(r => ValueOf(r.Cell, contrast.Parameter) == contrast.Baseline)
            .GroupBy(r => (Partner(r.Cell, contrast), r.Seed, r.Iteration, r.Metric))
            .ToDictionary(g => g.Key, g => g.First().Value);
        var order = rows.Select(r => r.Cell.Label).Distinct(StringComparer.Ordinal).Select((label, i) => (label, i))
            .ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        return [.. rows
            .Where(r => metrics.Contains(r.Metric, StringComparer.Ordinal) && ValueOf(r.Cell, contrast.Parameter) != contrast.Baseline)
            .Select(r => (Row: r, Found: baseline.TryGetValue((Partner(r.Cell, contrast), r.Seed, r.Iteration, r.Metric), out double b), Baseline: b))
            .Where(p => p.Found)
            .GroupBy(p => (p.Row.Cell.Label, p.Row.Iteration, p.Row.Metric))
            .Select(g => new CellEstimate(g.First().Row.Cell, g.Key.Iteration, g.First().Row.Budget, g.Key.Metric,
                Estimate.Of([.. g.Select(p => p.Row.Value - p.Baseline)])))
            .OrderBy(e => order[e.Cell.Label]).ThenBy(e => e.Iteration)];
    }

    private static string? ValueOf(SweepCell cell, string parameter) => parameter == PlotLayout.Arm ? cell.Arm : cell.Value(parameter);

    // The cell's counterpart with the contrasted parameter at its baseline, as a key.
    private static string Partner(SweepCell cell, SweepContrast contrast) =>
        contrast.Parameter == PlotLayout.Arm
            ? new SweepCell(contrast.Baseline, cell.Settings).Label
            : new SweepCell(cell.Arm, [.. cell.Settings.Select(s => s.Key == contrast.Parameter ? new KeyValuePair<string, string>(s.Key, contrast.Baseline) : s)]).Label;
}
