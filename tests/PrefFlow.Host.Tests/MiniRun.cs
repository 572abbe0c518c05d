using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests;

/// <summary>
/// The small two-iteration workflow (Definitions/mini-iterations.json) run once to its end without interruption,
/// shared by the tests that compare against it or inspect a finished run.
/// </summary>
public sealed class MiniRun : IDisposable
{
    public const ulong Seed = 5;

    public MiniRun()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "prefflow-mini-" + Guid.NewGuid().ToString("N"));
        var result = PrefFlowProcess.Run(TimeSpan.FromMinutes(10), "run", DefinitionPath, "--seed", $"{Seed}", "--data-dir", DataFolder, "--json", "--run-id", RunId);
        if (result.ExitCode != 0) throw new InvalidOperationException($"the reference run failed ({result.ExitCode}):\n{result.Error}\n{result.Output}");
        Json = JsonNode.Parse(result.Output)!.AsObject();
    }

    public static string DefinitionPath => Path.Combine(AppContext.BaseDirectory, "Definitions", "mini-iterations.json");

    public string RunId => "mini-reference";

    public string DataFolder { get; }

    /// <summary>What 'run --json' printed.</summary>
    public JsonObject Json { get; }

    /// <summary>"node output sha256" for every artifact, sorted: equal sets mean byte-identical runs.</summary>
    public static IReadOnlyList<string> ArtifactHashes(JsonObject run) =>
        [.. run["artifacts"]!.AsArray().Select(a => $"{a!["node"]} {a["output"]} {a["sha256"]}").Order(StringComparer.Ordinal)];

    /// <summary>Every iteration's metrics as compact JSON.</summary>
    public static string Metrics(JsonObject run) => run["iterations"]!.ToJsonString();

    public void Dispose()
    {
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
