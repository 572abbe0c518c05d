using System.Globalization;

namespace PrefFlow.Learning.Training;

/// <summary>Running sums behind a <see cref="DpoReport"/>; kept in checkpoints so a continued run reports the same numbers.</summary>
internal sealed class DpoMetrics
{
    public double Loss, Correct, Chosen, Rejected;
    public long Pairs;

    public void Reset() => Loss = Correct = Chosen = Rejected = Pairs = 0;

    public DpoReport Report(int steps, int pairs) => Pairs == 0
        ? new DpoReport(steps, pairs, double.NaN, double.NaN, double.NaN, double.NaN)
        : new DpoReport(steps, pairs, Loss / Pairs, Correct / Pairs, Chosen / Pairs, Rejected / Pairs);

    public string Serialise() => string.Join(' ', new[] { Loss, Correct, Chosen, Rejected, Pairs }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public static DpoMetrics Parse(string text)
    {
        double[] values = [.. text.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        return new DpoMetrics { Loss = values[0], Correct = values[1], Chosen = values[2], Rejected = values[3], Pairs = (long)values[4] };
    }
}
