namespace PrefFlow.Host.Sweeps;

/// <summary>
/// What a sweep runs: every arm at every point of the grid (the cartesian product of its axes) with every seed,
/// each as an ordinary run, and which metrics its tables and plots show.
/// </summary>
/// <param name="Name">The sweep's name: its folder under the data folder's 'sweeps'.</param>
/// <param name="Description">What the sweep is for; may be empty.</param>
/// <param name="Arms">The workflows, at least one.</param>
/// <param name="Grid">The axes; empty for one point.</param>
/// <param name="Seeds">The seeds every cell runs with.</param>
/// <param name="Metrics">Metric names to tabulate and plot; empty to choose them from the results.</param>
/// <param name="Plot">The plots' axes.</param>
/// <param name="Contrast">A paired comparison against a baseline value to report; null for none.</param>
internal sealed record SweepSpec(
    string Name,
    string Description,
    IReadOnlyList<SweepArm> Arms,
    IReadOnlyList<GridAxis> Grid,
    IReadOnlyList<ulong> Seeds,
    IReadOnlyList<string> Metrics,
    SweepPlot Plot,
    SweepContrast? Contrast = null)
{
    /// <summary>The grid's points: one setting per axis, the first axis varying slowest.</summary>
    public IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> Points()
    {
        IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> points = [[]];
        foreach (GridAxis axis in Grid)
        {
            points = points.SelectMany(point => axis.Values.Select(value =>
                (IReadOnlyList<KeyValuePair<string, string>>)[.. point, new KeyValuePair<string, string>(axis.Parameter, value)]));
        }
        return points;
    }
}
