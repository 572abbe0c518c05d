using System.Collections.Concurrent;
using Quartz;

namespace PrefFlow.Host.Tests.Scheduling;

/// <summary>A Quartz job that completes the task waiting under its job's name.</summary>
internal sealed class SignallingJob : IJob
{
    public static ConcurrentDictionary<string, TaskCompletionSource> Waiting { get; } = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (Waiting.TryRemove(context.JobDetail.Key.Name, out TaskCompletionSource? fired)) fired.SetResult();
        return ValueTask.CompletedTask;
    }
}
