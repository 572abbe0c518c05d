using System.Globalization;
using ScottPlot;

namespace PrefFlow.Host.Reports;

/// <summary>
/// Draws one metric's plot as a PNG: a line per series through the means, with 95% confidence intervals as error bars.
/// Series are shifted a little sideways so that their error bars do not hide each other.
/// </summary>
internal static class PlotWriter
{
    public static void Write(string path, string title, string metric, PlotLayout layout, IReadOnlyList<CellEstimate> estimates)
    {
        var xTexts = estimates.Select(e => PlotLayout.ValueOf(e, layout.X)).Distinct(StringComparer.Ordinal).ToList();
        bool numeric = xTexts.All(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        double Position(string text) => numeric ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : xTexts.IndexOf(text);
        double span = xTexts.Count > 1 ? xTexts.Max(Position) - xTexts.Min(Position) : 1;

        var plot = new Plot();
        var series = estimates.GroupBy(layout.SeriesOf).ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var points = series[s].OrderBy(e => Position(PlotLayout.ValueOf(e, layout.X))).ToList();
            double shift = (s - (series.Count - 1) / 2.0) * span * 0.012;
            double[] xs = [.. points.Select(e => Position(PlotLayout.ValueOf(e, layout.X)) + shift)];
            double[] ys = [.. points.Select(e => e.Estimate.Mean)];
            double[] errors = [.. points.Select(e => double.IsNaN(e.Estimate.HalfWidth) ? 0 : e.Estimate.HalfWidth)];
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = series[s].Key;
            line.MarkerSize = 6;
            var bars = plot.Add.ErrorBar(xs, ys, errors);
            bars.Color = line.Color;
        }
        // Ticks at the values the runs took (iterations, budgets, strategies), not at fractions between them.
        plot.Axes.Bottom.SetTicks([.. xTexts.Select(Position)], [.. xTexts]);
        plot.Title(title);
        plot.XLabel(layout.X);
        plot.YLabel(metric + " (mean, 95% CI)");
        if (series.Count > 1 || series[0].Key != "all") plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 960, 600);
    }
}
