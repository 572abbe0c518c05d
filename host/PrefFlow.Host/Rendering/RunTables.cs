using PrefFlow.Workflows.Runtime;
using Spectre.Console;

namespace PrefFlow.Host.Rendering;

/// <summary>The tables a run is shown with: one row per iteration with its metrics, and one row per node.</summary>
internal static class RunTables
{
    // The paper's columns, in its order: pairs kept, DPO loss, gold-RM and judge win rates, KL, mean length.
    // Every other metric is in 'status --json'. A workflow without these metrics shows all of its own instead.
    private static readonly string[] Preferred = ["kept", "loss", "goldWinRate", "judgeWinRate", "kl", "meanLength"];

    public static Table Iterations(RunSummary summary)
    {
        var all = summary.Iterations.SelectMany(row => row.Metrics.Keys).Distinct(StringComparer.Ordinal).ToList();
        List<string> metrics = Preferred.Where(all.Contains).ToList();
        if (metrics.Count == 0) metrics = [.. all.Order(StringComparer.Ordinal)];
        var table = new Table().AddColumn("iteration").AddColumn(new TableColumn("budget").RightAligned());
        foreach (string metric in metrics) table.AddColumn(new TableColumn(Markup.Escape(metric)).RightAligned());
        foreach (IterationSummary row in summary.Iterations.Where(row => row.Index is not null || metrics.Any(row.Metrics.ContainsKey)))
        {
            var cells = new List<string>
            {
                Markup.Escape(row.Index is { } index ? $"{row.Path[..row.Path.LastIndexOf('/')]} #{index + 1}" : "before and outside loops"),
                row.Budget?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            cells.AddRange(metrics.Select(metric => row.Metrics.TryGetValue(metric, out double value) ? NumberFormat.Show(value) : ""));
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    public static Table Nodes(RunSummary summary)
    {
        var table = new Table().AddColumns("node", "activity", "status", "attempts", "time", "error");
        foreach (NodeSummary node in summary.Nodes)
        {
            table.AddRow(
                Markup.Escape(node.Path), Markup.Escape(node.Activity), node.Status.ToString().ToLowerInvariant(),
                node.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture), NumberFormat.Seconds(node.Seconds),
                Markup.Escape(node.Error ?? ""));
        }
        return table;
    }
}
