using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Rendering;

/// <summary>A run as JSON for scripts: status, parameters, nodes, per-iteration metrics and every artifact's sha256.</summary>
internal static class RunJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Of(RunSummary summary)
    {
        RunRecord run = summary.Run;
        return new JsonObject
        {
            ["id"] = run.Id,
            ["definition"] = new JsonObject { ["id"] = run.DefinitionId, ["version"] = run.DefinitionVersion, ["sha256"] = run.DefinitionSha256 },
            ["status"] = Name(summary.Status),
            ["seed"] = run.Seed,
            ["parameters"] = JsonNode.Parse(run.ParametersJson),
            ["createdAt"] = run.CreatedAt,
            ["startedAt"] = run.StartedAt,
            ["finishedAt"] = run.FinishedAt,
            ["error"] = run.Error,
            ["timing"] = summary.Timing is { } timing
                ? new JsonObject
                {
                    ["wallSeconds"] = timing.WallSeconds,
                    ["activitySeconds"] = timing.ActivitySeconds,
                    ["outsideActivitiesSeconds"] = timing.OutsideActivitiesSeconds,
                    ["outsideActivitiesShare"] = timing.OutsideActivitiesShare,
                }
                : null,
            ["iterations"] = new JsonArray(summary.Iterations.Select(Iteration).ToArray<JsonNode?>()),
            ["nodes"] = new JsonArray(summary.Nodes.Select(Node).ToArray<JsonNode?>()),
            ["artifacts"] = new JsonArray(summary.Artifacts.Select(Artifact).ToArray<JsonNode?>()),
        };
    }

    /// <summary>A run as lists show it: a run whose executing process is gone reads interrupted, as its summary does.</summary>
    public static JsonObject Of(RunRecord run) => new()
    {
        ["id"] = run.Id,
        ["definition"] = new JsonObject { ["id"] = run.DefinitionId, ["version"] = run.DefinitionVersion },
        ["status"] = Name(RunOwner.EffectiveStatus(run, DateTimeOffset.UtcNow)),
        ["seed"] = run.Seed,
        ["createdAt"] = run.CreatedAt,
        ["finishedAt"] = run.FinishedAt,
        ["error"] = run.Error,
    };

    public static string Name(RunStatus status) => status.ToString().ToLowerInvariant();

    private static JsonObject Iteration(IterationSummary row)
    {
        var metrics = new JsonObject();
        foreach ((string name, double value) in row.Metrics.OrderBy(metric => metric.Key, StringComparer.Ordinal)) metrics[name] = value;
        return new JsonObject
        {
            ["path"] = row.Path,
            ["index"] = row.Index,
            ["budget"] = row.Budget,
            ["keptPairs"] = row.KeptPairs,
            ["metrics"] = metrics,
        };
    }

    private static JsonObject Node(NodeSummary node) => new()
    {
        ["path"] = node.Path,
        ["activity"] = node.Activity,
        ["status"] = node.Status.ToString().ToLowerInvariant(),
        ["attempts"] = node.Attempts,
        ["seconds"] = node.Seconds,
        ["error"] = node.Error,
        ["outputs"] = node.Outputs?.DeepClone(),
    };

    public static JsonObject Artifact(ArtifactEntry entry)
    {
        JsonObject json = ArtifactValue.ToJson(entry.Artifact);
        json.Insert(0, "output", entry.Output);
        json.Insert(0, "node", entry.NodePath);
        return json;
    }
}
