using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

public sealed class UncertaintyWeightTests
{
    [Fact]
    public void Weights_are_the_bradley_terry_uncertainty_of_the_margin()
    {
        Assert.Equal(0.25, UncertaintyWeight.Weight(0, 0.1), 15);
        // p = sigmoid(0.1 * 10) = 0.7310586; p (1 - p) = 0.1966119.
        Assert.Equal(0.19661193, UncertaintyWeight.Weight(10, 0.1), 8);
        Assert.Equal(UncertaintyWeight.Weight(10, 0.1), UncertaintyWeight.Weight(-10, 0.1), 15);
        Assert.True(UncertaintyWeight.Weight(1, 0.1) > UncertaintyWeight.Weight(5, 0.1));
        Assert.Equal(0.25, UncertaintyWeight.Weight(1e6, 0), 15);
    }

    [Fact]
    public void Log_weights_stay_finite_where_weights_underflow()
    {
        Assert.Equal(0, UncertaintyWeight.Weight(1e5, 0.1));
        double logWeight = UncertaintyWeight.LogWeight(1e5, 0.1);
        Assert.Equal(-1e4, logWeight, 6);
        Assert.True(UncertaintyWeight.LogWeight(2e5, 0.1) < logWeight);
    }
}
