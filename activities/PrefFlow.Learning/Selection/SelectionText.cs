using System.Globalization;

namespace PrefFlow.Learning.Selection;

/// <summary>Formats numbers for error messages the same way on every machine.</summary>
internal static class SelectionText
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "+infinity"
        : double.IsNegativeInfinity(value) ? "-infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
