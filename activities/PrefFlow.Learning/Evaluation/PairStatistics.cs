namespace PrefFlow.Learning.Evaluation;

/// <summary>
/// Statistics of a labelled, selected pair set (the paper's Figure 4): mean |implicit margin|, and the
/// ranking accuracy, the share of pairs whose implicit margin r(a) - r(b) has the sign of the gold
/// label (a zero margin counts one half).
/// </summary>
public sealed record PairStatistics(int Pairs, double MeanAbsoluteMargin, double RankingAccuracy, double MeanGoldMargin)
{
    /// <summary>
    /// Computes the statistics from each pair's implicit margin r(first) - r(second), whether the
    /// oracle chose the first response, and the gold margin r_gold(chosen) - r_gold(rejected).
    /// </summary>
    public static PairStatistics Compute(ReadOnlySpan<double> implicitMargins, ReadOnlySpan<bool> firstChosen, ReadOnlySpan<double> goldMargins)
    {
        if (implicitMargins.Length != firstChosen.Length || implicitMargins.Length != goldMargins.Length)
        {
            throw new ArgumentException($"margin ({implicitMargins.Length}), label ({firstChosen.Length}) and gold margin ({goldMargins.Length}) counts differ");
        }
        int n = implicitMargins.Length;
        if (n == 0) return new PairStatistics(0, double.NaN, double.NaN, double.NaN);
        double absolute = 0, agree = 0, gold = 0;
        for (int i = 0; i < n; i++)
        {
            double margin = implicitMargins[i];
            absolute += Math.Abs(margin);
            agree += margin == 0 ? 0.5 : (margin > 0) == firstChosen[i] ? 1 : 0;
            gold += goldMargins[i];
        }
        return new PairStatistics(n, absolute / n, agree / n, gold / n);
    }
}
