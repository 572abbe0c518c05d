using System.Globalization;

namespace PrefFlow.Learning.Training;

/// <summary>Running sums behind a <see cref="DpoReport"/>; kept in checkpoints so a continued run reports the same numbers.</summary>
internal sealed class DpoMetrics
{
    public double Loss, PreferenceLoss, Correct, Chosen, Rejected;
    public long Pairs;

    public void Reset() => Loss = PreferenceLoss = Correct = Chosen = Rejected = Pairs = 0;

    public DpoReport Report(int steps, int pairs) => Pairs == 0
        ? new DpoReport(steps, pairs, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
        : new DpoReport(steps, pairs, Loss / Pairs, PreferenceLoss / Pairs, Correct / Pairs, Chosen / Pairs, Rejected / Pairs);

    public string Serialise() => string.Join(' ', new[] { Loss, PreferenceLoss, Correct, Chosen, Rejected, Pairs }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The metrics written by <see cref="Serialise"/>, or null when the text is not such.</summary>
    public static DpoMetrics? Parse(string text)
    {
        var parts = text.Split(' ');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return null;
        }
        return values.Length != 6 ? null
            : new DpoMetrics { Loss = values[0], PreferenceLoss = values[1], Correct = values[2], Chosen = values[3], Rejected = values[4], Pairs = (long)values[5] };
    }
}
