using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Scheduling;

/// <summary>A run this process dispatched and waits for: where its progress goes, and its outcome once the job ends.</summary>
internal sealed class PendingRun(IRunObserver? observer, CancellationToken stop)
{
    public IRunObserver? Observer { get; } = observer;

    /// <summary>The caller's stop (Ctrl+C), also honoured by a job that had not started when it came.</summary>
    public CancellationToken Stop { get; } = stop;

    public TaskCompletionSource<RunOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
