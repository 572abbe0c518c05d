using System.Globalization;

namespace PrefFlow.Host.Rendering;

/// <summary>Numbers as tables show them: whole numbers plainly, others with four significant decimals.</summary>
internal static class NumberFormat
{
    public static string Show(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0.0" : "0.0000", CultureInfo.InvariantCulture);

    public static string Seconds(double? seconds) => seconds switch
    {
        null => "",
        < 60 => seconds.Value.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        _ => TimeSpan.FromSeconds(seconds.Value).ToString(seconds.Value >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture),
    };
}
