using PrefFlow.Learning.Randomness;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// Margin-weighted sampling: a pair of margin m weighs the Bradley-Terry uncertainty w = p (1 - p), with
/// p = sigmoid(beta_s m). At beta_s = the DPO beta, p is the model's own preference probability: small margins
/// weigh most (0.25 at m = 0), large ones less but never nothing, so they are favoured, not chosen exclusively.
/// </summary>
public static class UncertaintyWeight
{
    private const double UnitScale = 1.0 / (1UL << 53);

    /// <summary>p (1 - p) with p = sigmoid(<paramref name="beta"/> <paramref name="margin"/>); in (0, 0.25], but 0 once it underflows.</summary>
    public static double Weight(double margin, double beta) => Math.Exp(LogWeight(margin, beta));

    /// <summary>
    /// log(p (1 - p)) = -|x| - 2 log(1 + e^-|x|) with x = beta m: finite for every finite margin, however small
    /// the weight itself, so sampling never divides by a weight that underflowed to 0.
    /// </summary>
    public static double LogWeight(double margin, double beta)
    {
        double x = Math.Abs(beta * margin);
        return -x - 2 * double.LogP1(Math.Exp(-x));
    }

    /// <summary>
    /// An Efraimidis-Spirakis key u^(1/w) of one item, u uniform in (0, 1) from <paramref name="random"/>, written as
    /// log w - log(-log u), which orders items the same (it is log(-1 / log key)) and stays exact when w underflows.
    /// The k largest keys are a sample of k items without replacement with probabilities proportional to w; the
    /// largest alone is one item drawn with probability proportional to w.
    /// </summary>
    internal static double Key(double logWeight, SeededRandom random)
    {
        // (0, 1) open: neither log below may be infinite.
        double u = ((random.NextUInt64() >> 11) + 0.5) * UnitScale;
        return logWeight - Math.Log(-Math.Log(u));
    }

    /// <summary>Throws unless <paramref name="beta"/> is finite and at least 0 (0 weighs every margin alike).</summary>
    internal static void ValidateBeta(double beta)
    {
        if (!(double.IsFinite(beta) && beta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta must be a finite number >= 0, but it is {SelectionText.Number(beta)}.");
        }
    }
}
