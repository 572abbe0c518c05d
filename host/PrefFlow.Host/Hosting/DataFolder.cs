namespace PrefFlow.Host.Hosting;

/// <summary>Where the embedded stores keep their files: --data-dir, else PREFFLOW_DATA, else ./.prefflow.</summary>
internal static class DataFolder
{
    public const string Variable = "PREFFLOW_DATA";

    public static string Resolve(string? option)
    {
        string? chosen = !string.IsNullOrWhiteSpace(option) ? option : Environment.GetEnvironmentVariable(Variable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(chosen) ? ".prefflow" : chosen);
    }
}
