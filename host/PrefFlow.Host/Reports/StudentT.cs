namespace PrefFlow.Host.Reports;

/// <summary>The 97.5% quantile of Student's t distribution, for two-sided 95% confidence intervals.</summary>
internal static class StudentT
{
    // Exact quantiles (to 4 decimals) for 1-30 degrees of freedom: with the few seeds a sweep has, the normal's 1.96
    // would understate the interval badly (12.7 at one degree of freedom).
    private static readonly double[] Table =
    [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ];

    /// <summary>t(0.975; df).</summary>
    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= Table.Length) return Table[degreesOfFreedom - 1];
        // Beyond 30, the Cornish-Fisher expansion around the normal quantile is accurate to about 1e-4.
        const double z = 1.959964;
        double df = degreesOfFreedom;
        return z + (z * z * z + z) / (4 * df) + (5 * Math.Pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * df * df);
    }
}
