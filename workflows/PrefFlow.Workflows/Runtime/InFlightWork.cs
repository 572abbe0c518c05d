using System.Collections.Concurrent;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// The input hashes whose work one of this engine's runs is doing right now, so that a second run wanting the same
/// work waits for the first and then reuses its commit instead of doing it again (single flight within one process).
/// </summary>
internal sealed class InFlightWork
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _running = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the caller now does the work and must <see cref="Release"/> it; false when another run is doing it,
    /// with <paramref name="finished"/> completing when that run releases it, whether it committed or failed.
    /// </summary>
    public bool TryClaim(string inputHash, out Task finished)
    {
        var claim = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource holder = _running.GetOrAdd(inputHash, claim);
        finished = holder.Task;
        return ReferenceEquals(holder, claim);
    }

    /// <summary>Ends the caller's claim and wakes the runs waiting for it.</summary>
    public void Release(string inputHash)
    {
        if (_running.TryRemove(inputHash, out TaskCompletionSource? claim)) claim.TrySetResult();
    }
}
