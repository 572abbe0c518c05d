using System.Text.Json.Nodes;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

/// <summary>
/// An engine stand-in for one node execution: inputs with the descriptor's defaults filled in (as the engine
/// does), a real artifact store, and one in-memory checkpoint slot that outlives attempts when shared.
/// </summary>
internal sealed class TestActivityContext : IActivityContext
{
    public TestActivityContext(ActivityDescriptor descriptor, IArtifactStore artifacts, IReadOnlyDictionary<string, JsonNode?> given, ulong seed, CheckpointSlot? slot = null)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var input in descriptor.Inputs)
        {
            // Through JSON text, as the engine hands over values it read from a definition or a stored output.
            if (given.TryGetValue(input.Name, out var value)) values[input.Name] = value is null ? null : JsonNode.Parse(value.ToJsonString());
            else if (input.Default is not null) values[input.Name] = input.Default.DeepClone();
        }
        foreach (var name in given.Keys.Where(k => descriptor.FindInput(k) is null))
        {
            throw new ArgumentException($"the test gives input '{name}', which '{descriptor.Name}' does not declare");
        }
        Inputs = new ActivityInputs(values);
        Artifacts = artifacts;
        Seed = seed;
        Slot = slot ?? new CheckpointSlot();
        NodePath = descriptor.Name;
    }

    public string RunId => "test-run";
    public string NodePath { get; }
    public ulong Seed { get; }
    public int Attempt => 1;
    public ActivityInputs Inputs { get; }
    public IArtifactStore Artifacts { get; }
    public CheckpointSlot Slot { get; }
    public List<ActivityProgress> Progress { get; } = [];
    public List<string> Logs { get; } = [];

    /// <summary>Called on every progress report (e.g. to cancel after some steps).</summary>
    public Action<ActivityProgress>? OnProgress { get; init; }

    public Task<ActivityCheckpoint?> LoadCheckpointAsync(CancellationToken cancellationToken) => Task.FromResult(Slot.Latest);

    public Task SaveCheckpointAsync(ActivityCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        Slot.Latest = checkpoint;
        Slot.Saves++;
        return Task.CompletedTask;
    }

    public void ReportProgress(ActivityProgress progress)
    {
        lock (Progress) Progress.Add(progress);
        OnProgress?.Invoke(progress);
    }

    public void Log(string message)
    {
        lock (Logs) Logs.Add(message);
    }

    /// <summary>The checkpoint a node keeps between its attempts.</summary>
    public sealed class CheckpointSlot
    {
        public ActivityCheckpoint? Latest { get; set; }
        public int Saves { get; set; }
    }
}
