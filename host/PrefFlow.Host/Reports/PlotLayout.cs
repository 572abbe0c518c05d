using System.Globalization;
using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>
/// A plot's axes: x is the sweep's choice, else "iteration" when the runs have several, else the first grid axis with
/// numeric values (e.g. a budget), else the first axis, else the arm; every other axis (and the arm, when there are
/// several) tells the series apart.
/// </summary>
internal sealed record PlotLayout(string X, IReadOnlyList<string> Series)
{
    public const string Iteration = "iteration";
    public const string Arm = "arm";

    public static PlotLayout For(SweepSpec spec, IReadOnlyList<CellEstimate> estimates)
    {
        string x = spec.Plot.X
            ?? (estimates.Select(e => e.Iteration).Distinct().Skip(1).Any() ? Iteration
            : spec.Grid.FirstOrDefault(axis => axis.Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))?.Parameter
            ?? spec.Grid.FirstOrDefault()?.Parameter
            ?? Arm);
        IReadOnlyList<string> series = spec.Plot.Series
            ?? [.. (spec.Arms.Count > 1 ? [Arm] : Array.Empty<string>()).Concat(spec.Grid.Select(axis => axis.Parameter)).Where(name => name != x)];
        return new PlotLayout(x, series);
    }

    /// <summary>The estimate's value on an axis, as text.</summary>
    public static string ValueOf(CellEstimate estimate, string axis) => axis switch
    {
        Iteration => estimate.Iteration.ToString(CultureInfo.InvariantCulture),
        Arm => estimate.Cell.Arm,
        _ => estimate.Cell.Value(axis) ?? "",
    };

    /// <summary>The series an estimate belongs to, e.g. "instanceStrategy=smallest".</summary>
    public string SeriesOf(CellEstimate estimate) =>
        Series.Count == 0 ? "all" : string.Join(", ", Series.Select(axis => axis == Arm ? estimate.Cell.Arm : $"{axis}={ValueOf(estimate, axis)}"));

    /// <summary>Checks that the axes name the arm, the iteration or a grid parameter.</summary>
    public static void Check(SweepPlot plot, SweepSpec spec, Func<string, Exception> error)
    {
        foreach (string axis in (plot.Series ?? []).Prepend(plot.X).OfType<string>())
        {
            if (axis is not (Iteration or Arm) && spec.Grid.All(g => g.Parameter != axis))
            {
                throw error($"plot axis '{axis}' is neither 'iteration', 'arm' nor a grid parameter ({string.Join(", ", spec.Grid.Select(g => g.Parameter))})");
            }
        }
    }
}
