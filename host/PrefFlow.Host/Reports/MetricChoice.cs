namespace PrefFlow.Host.Reports;

/// <summary>
/// Which metrics a report shows when the sweep does not say: the paper's (win rates by the gold RM and the judge, KL,
/// loss, length, and the selected subset's ranking accuracy, margin and log-ratio), under their plain or node-qualified
/// names, leaving out those that no cell changes (e.g. pi^0's evaluation, equal in every cell of a seed).
/// </summary>
internal static class MetricChoice
{
    private static readonly string[] Preferred =
        ["goldWinRate", "judgeWinRate", "kl", "loss", "meanLength", "rankingAccuracy", "meanMargin", "meanLogRatio", "kept"];

    public static IReadOnlyList<string> For(IReadOnlyList<string> requested, IReadOnlyList<ResultRow> rows)
    {
        if (requested.Count > 0) return requested;
        var present = rows.Select(r => r.Metric).Distinct(StringComparer.Ordinal).ToList();
        bool severalCells = rows.Select(r => r.Cell.Label).Distinct(StringComparer.Ordinal).Skip(1).Any();
        return [.. Preferred.SelectMany(name => present.Where(metric => metric == name || metric.EndsWith("." + name, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            .Where(metric => !severalCells || DependsOnCell(rows.Where(r => r.Metric == metric)))];
    }

    // A metric that has one value per (seed, iteration), whatever the cell, says nothing about the comparison.
    private static bool DependsOnCell(IEnumerable<ResultRow> rows) =>
        rows.GroupBy(r => (r.Seed, r.Iteration)).Any(group => group.Select(r => r.Value).Distinct().Skip(1).Any());
}
