using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>
/// Writes a sweep's (or a run's) report into a folder: the tidy results as CSV and Parquet, the markdown summary
/// with means and 95% confidence intervals, and one PNG plot per metric (and one of the paired differences
/// when the sweep names a contrast).
/// </summary>
internal static class ReportWriter
{
    public const string Csv = "results.csv";
    public const string Parquet = "results.parquet";
    public const string Markdown = "summary.md";

    /// <summary>Writes the files and returns the markdown table for the terminal.</summary>
    public static async Task<(IReadOnlyList<string> Files, string Table)> WriteAsync(string folder, SweepResults results, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        IReadOnlyList<string> metrics = MetricChoice.For(results.Spec.Metrics, results.Rows);
        IReadOnlyList<CellEstimate> estimates = CellStatistics.Of(results.Rows, metrics);
        var files = new List<string> { Path.Combine(folder, Csv), Path.Combine(folder, Parquet), Path.Combine(folder, Markdown) };
        await CsvResults.WriteAsync(files[0], results.Spec, results.Rows, cancellationToken).ConfigureAwait(false);
        await ParquetResults.WriteAsync(files[1], results.Spec, results.Rows, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(files[2], MarkdownSummary.Write(results, metrics, estimates), cancellationToken).ConfigureAwait(false);
        foreach (string metric in metrics)
        {
            var ofMetric = estimates.Where(e => e.Metric == metric).ToList();
            if (ofMetric.Count == 0) continue;
            string png = Path.Combine(folder, FileNames.Safe(metric) + ".png");
            PlotWriter.Write(png, $"{results.Spec.Name}: {metric}", metric, PlotLayout.For(results.Spec, ofMetric), ofMetric);
            files.Add(png);
            if (results.Spec.Contrast is not { } contrast) continue;
            // The paired differences carry the comparison; the absolute values' intervals hold the seeds' spread too.
            var paired = PairedDifferences.Of(results.Rows, [metric], contrast);
            if (paired.Count == 0) continue;
            string pairedPng = Path.Combine(folder, FileNames.Safe(metric) + ".paired.png");
            PlotWriter.Write(pairedPng, $"{results.Spec.Name}: {metric} minus {contrast.Parameter} = {contrast.Baseline}, same seed",
                $"{metric} difference", PlotLayout.For(results.Spec, paired), paired);
            files.Add(pairedPng);
        }
        return (files, MarkdownSummary.Table(results, metrics, estimates));
    }
}
