namespace PrefFlow.Host.Reports;

/// <summary>A mean over seeds with its 95% confidence interval (Student's t, two-sided).</summary>
/// <param name="Mean">The mean.</param>
/// <param name="HalfWidth">Half the interval's width; NaN with fewer than two values.</param>
/// <param name="StandardDeviation">The sample standard deviation; NaN with fewer than two values.</param>
/// <param name="Count">Values (seeds) behind it.</param>
internal sealed record Estimate(double Mean, double HalfWidth, double StandardDeviation, int Count)
{
    /// <summary>The estimate of the values.</summary>
    public static Estimate Of(IReadOnlyCollection<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        double mean = values.Average();
        if (values.Count < 2) return new Estimate(mean, double.NaN, double.NaN, values.Count);
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new Estimate(mean, StudentT.Quantile975(values.Count - 1) * sd / Math.Sqrt(values.Count), sd, values.Count);
    }

    /// <summary>"0.342 ± 0.012", or the mean alone with one value.</summary>
    public string Show(Func<double, string> format) =>
        double.IsNaN(HalfWidth) ? format(Mean) : $"{format(Mean)} ± {format(HalfWidth)}";
}
