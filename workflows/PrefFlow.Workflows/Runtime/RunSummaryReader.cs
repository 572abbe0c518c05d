using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Builds a <see cref="RunSummary"/> from the state store.</summary>
public sealed class RunSummaryReader(IStateStore state, IActivityCatalog activities, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The summary of run <paramref name="runId"/>.</summary>
    /// <exception cref="InvalidRunRequestException">No run has the id.</exception>
    public async Task<RunSummary> ReadAsync(string runId, CancellationToken cancellationToken = default)
    {
        RunRecord run = await state.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidRunRequestException($"no run has the id '{runId}'.");
        IReadOnlyList<NodeExecutionRecord> executions = await state.ListNodeExecutionsAsync(runId, cancellationToken).ConfigureAwait(false);
        var nodes = executions
            .GroupBy(execution => execution.NodePath, StringComparer.Ordinal)
            .Select(group => (First: group.Min(e => e.Id), Latest: group.MaxBy(e => e.Id)!, Count: group.Count()))
            .OrderBy(node => node.First)
            .Select(node => Summarise(node.Latest, node.Count))
            .ToList();
        IReadOnlyList<JournalEntry> journal = await JournalAsync(runId, cancellationToken).ConfigureAwait(false);
        List<JournalEntry> iterations = journal.Where(entry => entry.Kind == "iteration.started" && entry.NodePath is not null).ToList();
        return new RunSummary(run, RunOwner.EffectiveStatus(run, _time.GetUtcNow()), nodes, Iterations(nodes, iterations), Artifacts(nodes), Timing(run, journal));
    }

    private static NodeSummary Summarise(NodeExecutionRecord latest, int attempts) => new(
        latest.NodePath, latest.Activity, latest.Status, attempts, latest.StartedAt, latest.FinishedAt, latest.Error,
        latest.OutputsJson is null ? null : JsonNode.Parse(latest.OutputsJson) as JsonObject);

    private async Task<IReadOnlyList<JournalEntry>> JournalAsync(string runId, CancellationToken cancellationToken)
    {
        var entries = new List<JournalEntry>();
        long after = 0;
        while (true)
        {
            IReadOnlyList<JournalEntry> page = await state.ReadJournalAsync(runId, after, 1000, cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Where(entry => entry.Kind is "iteration.started" or "node.committed"));
            if (page.Count < 1000) return entries;
            after = page[^1].Sequence;
        }
    }

    private List<IterationSummary> Iterations(List<NodeSummary> nodes, IReadOnlyList<JournalEntry> starts)
    {
        var rows = new Dictionary<string, (int? Index, int? Budget, int? Kept, Dictionary<string, double> Metrics)>(StringComparer.Ordinal);
        foreach (JournalEntry start in starts)
        {
            JsonNode? data = start.DataJson is null ? null : JsonNode.Parse(start.DataJson);
            rows[start.NodePath!] = (data?["index"]?.GetValue<int>(), data?["budget"]?.GetValue<int>(), data?["keptPairs"]?.GetValue<int>(), new(StringComparer.Ordinal));
        }
        var succeeded = nodes.Where(node => node.Status == NodeStatus.Succeeded && node.Outputs is not null)
            .Select(node => (Node: node, Descriptor: activities.TryGet(node.Activity, out ActivityDescriptor? d) ? d : null))
            .Where(pair => pair.Descriptor is not null)
            .Select(pair => (pair.Node, Iteration: IterationOf(pair.Node.Path), NodeId: pair.Node.Path[(pair.Node.Path.LastIndexOf('/') + 1)..],
                Metrics: pair.Descriptor!.Outputs.Where(output => output.IsMetric).Select(output => output.Name).ToList()))
            .ToList();
        // A metric that two nodes of one row declare is named by node ("eval.goldWinRate") whether or not both have a
        // value, so that a name never depends on which values happen to be null.
        var declaredTwice = succeeded.SelectMany(n => n.Metrics.Select(metric => (n.Iteration, Metric: metric)))
            .GroupBy(key => key).Where(group => group.Count() > 1).Select(group => group.Key).ToHashSet();
        foreach (var (node, iteration, nodeId, metrics) in succeeded)
        {
            if (!rows.TryGetValue(iteration, out var row)) rows[iteration] = row = (null, null, null, new(StringComparer.Ordinal));
            foreach (string metric in metrics)
            {
                if (node.Outputs![metric] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) continue;
                string name = declaredTwice.Contains((iteration, metric)) ? $"{nodeId}.{metric}" : metric;
                row.Metrics[name] = value.GetValue<double>();
            }
        }
        return rows
            .Where(row => row.Value.Index is not null || row.Value.Metrics.Count > 0)
            .OrderBy(row => row.Value.Index is null ? 0 : 1)
            .ThenBy(row => row.Key[..Math.Max(0, row.Key.LastIndexOf('/'))], StringComparer.Ordinal)
            .ThenBy(row => row.Value.Index)
            .Select(row => new IterationSummary(row.Key, row.Value.Index, row.Value.Budget, row.Value.Kept,
                new Dictionary<string, double>(row.Value.Metrics, StringComparer.Ordinal)))
            .ToList();
    }

    private static string IterationOf(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";

    private static RunTiming? Timing(RunRecord run, IReadOnlyList<JournalEntry> journal)
    {
        if (run.StartedAt is not { } start || run.FinishedAt is not { } end) return null;
        var spans = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (JournalEntry committed in journal.Where(entry => entry.Kind == "node.committed" && entry.DataJson is not null))
        {
            JsonNode? data = JsonNode.Parse(committed.DataJson!);
            if (data?["activityStartedAt"] is JsonValue from && data["activityEndedAt"] is JsonValue to)
            {
                spans.Add((from.GetValue<DateTimeOffset>(), to.GetValue<DateTimeOffset>()));
            }
        }
        double busy = 0;
        DateTimeOffset? open = null, close = null;
        foreach (var span in spans.OrderBy(span => span.From))
        {
            if (open is null || span.From > close)
            {
                if (open is not null) busy += (close!.Value - open.Value).TotalSeconds;
                (open, close) = (span.From, span.To);
            }
            else if (span.To > close)
            {
                close = span.To;
            }
        }
        if (open is not null) busy += (close!.Value - open.Value).TotalSeconds;
        return new RunTiming((end - start).TotalSeconds, busy);
    }

    private static List<ArtifactEntry> Artifacts(List<NodeSummary> nodes)
    {
        var entries = new List<ArtifactEntry>();
        foreach (NodeSummary node in nodes.Where(node => node.Outputs is not null))
        {
            foreach ((string name, JsonNode? value) in node.Outputs!)
            {
                if (ArtifactValue.TryParse(value, out ArtifactRef artifact, out _)) entries.Add(new ArtifactEntry(node.Path, name, artifact));
            }
        }
        return entries;
    }
}
