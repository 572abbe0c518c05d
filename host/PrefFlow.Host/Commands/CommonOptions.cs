using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = "Folder of the embedded state database and artifacts (default: $PREFFLOW_DATA, else ./.prefflow).",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON for scripts." };

    public static Argument<string> RunId() => new("run") { Description = "The run's id (see 'prefflow list')." };
}
