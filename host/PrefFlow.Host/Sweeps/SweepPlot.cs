namespace PrefFlow.Host.Sweeps;

/// <summary>
/// How a sweep's plots are drawn: the x axis (a grid parameter, or "iteration") and the parameters whose values
/// make the series; null members are chosen from the results (see <see cref="Reports.PlotLayout"/>).
/// </summary>
internal sealed record SweepPlot(string? X, IReadOnlyList<string>? Series);
