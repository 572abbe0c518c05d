using System.Globalization;
using System.Text;
using PrefFlow.Host.Rendering;

namespace PrefFlow.Host.Reports;

/// <summary>
/// The markdown table of a sweep: one row per cell and iteration, one column per metric with the mean over seeds and
/// its 95% confidence interval, and the number of seeds; then the runs still missing.
/// </summary>
internal static class MarkdownSummary
{
    public static string Write(SweepResults results, IReadOnlyList<string> metrics, IReadOnlyList<CellEstimate> estimates)
    {
        var spec = results.Spec;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {spec.Name}");
        text.AppendLine();
        if (spec.Description.Length > 0) text.AppendLine(spec.Description).AppendLine();
        int runs = results.Rows.Select(r => r.RunId).Distinct(StringComparer.Ordinal).Count();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Mean ± half-width of the 95% confidence interval over seeds (Student's t); {runs} runs succeeded, {results.Missing.Count} missing.");
        text.AppendLine();
        text.Append(Table(results, metrics, estimates));
        if (spec.Contrast is { } contrast)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
                $"Paired differences against {contrast.Parameter} = {contrast.Baseline}: each seed's value minus the value of the same seed's cell with {contrast.Parameter} = {contrast.Baseline}; mean ± 95% half-width.");
            text.AppendLine().Append(Table(results, metrics, PairedDifferences.Of(results.Rows, metrics, contrast)));
        }
        if (results.Missing.Count > 0)
        {
            text.AppendLine().AppendLine("Missing runs (rerun the sweep to complete them):").AppendLine();
            foreach ((var run, string status) in results.Missing) text.AppendLine(CultureInfo.InvariantCulture, $"- {run.Cell.Label} seed {run.Seed}: {status} ({run.RunId})");
        }
        return text.ToString();
    }

    /// <summary>Just the table, for the terminal.</summary>
    public static string Table(SweepResults results, IReadOnlyList<string> metrics, IReadOnlyList<CellEstimate> estimates)
    {
        var spec = results.Spec;
        bool arms = spec.Arms.Count > 1;
        bool iterations = estimates.Any(e => e.Iteration > 0);
        bool budgets = estimates.Any(e => e.Budget is not null);
        var header = new List<string>();
        if (arms) header.Add("arm");
        header.AddRange(spec.Grid.Select(axis => axis.Parameter));
        if (iterations) header.Add("iteration");
        if (budgets) header.Add("budget");
        header.AddRange(metrics);
        header.Add("seeds");
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in estimates.GroupBy(e => (e.Cell.Label, e.Iteration)))
        {
            CellEstimate first = row.First();
            var cells = new List<string>();
            if (arms) cells.Add(first.Cell.Arm);
            cells.AddRange(spec.Grid.Select(axis => first.Cell.Value(axis.Parameter) ?? ""));
            if (iterations) cells.Add(first.Iteration == 0 ? "0 (before loops)" : first.Iteration.ToString(CultureInfo.InvariantCulture));
            if (budgets) cells.Add(first.Budget?.ToString(CultureInfo.InvariantCulture) ?? "");
            cells.AddRange(metrics.Select(metric => row.FirstOrDefault(e => e.Metric == metric)?.Estimate.Show(NumberFormat.Show) ?? ""));
            cells.Add(row.Max(e => e.Estimate.Count).ToString(CultureInfo.InvariantCulture));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }
        return text.ToString();
    }
}
