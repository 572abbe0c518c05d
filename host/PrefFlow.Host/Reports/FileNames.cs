namespace PrefFlow.Host.Reports;

/// <summary>Metric names as file names: letters, digits, dots, dashes and underscores kept, anything else a dash.</summary>
internal static class FileNames
{
    public static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-'));
}
