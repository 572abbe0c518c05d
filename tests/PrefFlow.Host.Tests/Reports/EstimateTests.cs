using PrefFlow.Host.Reports;

namespace PrefFlow.Host.Tests.Reports;

/// <summary>Means and 95% intervals over seeds, checked against values computed by hand.</summary>
public sealed class EstimateTests
{
    [Fact]
    public void Three_values_give_Students_interval()
    {
        Estimate estimate = Estimate.Of([1.0, 2.0, 3.0]);
        Assert.Equal(2.0, estimate.Mean, 12);
        Assert.Equal(1.0, estimate.StandardDeviation, 12);
        Assert.Equal(4.3027 / Math.Sqrt(3), estimate.HalfWidth, 4);
        Assert.Equal(3, estimate.Count);
    }

    [Fact]
    public void One_value_has_no_interval_and_shows_its_mean_alone()
    {
        Estimate estimate = Estimate.Of([0.25]);
        Assert.True(double.IsNaN(estimate.HalfWidth));
        Assert.Equal("0.25", estimate.Show(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("2 ± 2.4842", Estimate.Of([1.0, 2.0, 3.0]).Show(v => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(4, 2.7764)]
    [InlineData(30, 2.0423)]
    [InlineData(40, 2.0211)]
    [InlineData(120, 1.9799)]
    [InlineData(100000, 1.9600)]
    public void The_t_quantile_matches_tables(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(degreesOfFreedom), 3);
}
