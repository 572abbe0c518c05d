using System.Text;
using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Reports;

/// <summary>Writes the tidy results as CSV (RFC 4180 quoting, invariant numbers at full precision).</summary>
internal static class CsvResults
{
    public static async Task WriteAsync(string path, SweepSpec spec, IReadOnlyList<ResultRow> rows, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', ResultColumns.Names(spec).Select(Quote)));
        foreach (ResultRow row in rows) text.AppendLine(string.Join(',', ResultColumns.Texts(spec, row).Select(Quote)));
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
