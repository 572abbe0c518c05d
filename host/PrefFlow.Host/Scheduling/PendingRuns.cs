using System.Collections.Concurrent;

namespace PrefFlow.Host.Scheduling;

/// <summary>The runs this process dispatched, by run id: the job of a run finds its waiter here.</summary>
internal sealed class PendingRuns
{
    private readonly ConcurrentDictionary<string, PendingRun> _runs = new(StringComparer.Ordinal);

    public PendingRun Add(string runId, PendingRun run) =>
        _runs.TryAdd(runId, run) ? run : throw new InvalidOperationException($"run '{runId}' is already dispatched by this process.");

    /// <summary>The waiter of a run, taken once: a second firing of the same job finds none.</summary>
    public bool TryTake(string runId, out PendingRun run) => _runs.TryRemove(runId, out run!);

    public void Remove(string runId) => _runs.TryRemove(runId, out _);
}
