using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>Means and 95% intervals over seeds, per cell, iteration and metric, in the sweep's cell order.</summary>
internal static class CellStatistics
{
    public static IReadOnlyList<CellEstimate> Of(IReadOnlyList<ResultRow> rows, IReadOnlyList<string> metrics)
    {
        var cellOrder = rows.Select(r => r.Cell.Label).Distinct(StringComparer.Ordinal).Select((label, i) => (label, i))
            .ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        return [.. rows.Where(r => metrics.Contains(r.Metric, StringComparer.Ordinal))
            .GroupBy(r => (r.Cell.Label, r.Iteration, r.Metric))
            .Select(group => new CellEstimate(group.First().Cell, group.Key.Iteration, group.First().Budget, group.Key.Metric,
                Estimate.Of([.. group.Select(r => r.Value)])))
            .OrderBy(e => cellOrder[e.Cell.Label]).ThenBy(e => e.Iteration)];
    }
}
