using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrefFlow.Host.Scheduling;
using Quartz;

namespace PrefFlow.Host.Server.Health;

/// <summary>Healthy when this host's Quartz schedulers (runs, and schedules' ticks) are started and reach their job store.</summary>
internal sealed class SchedulerHealthCheck(RunDispatcher dispatcher, ScheduleClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var running = new List<string>();
        foreach ((string role, IScheduler scheduler) in new[] { ("runs", dispatcher.Scheduler), ("schedules", clock.Scheduler) })
        {
            if (scheduler.Status != SchedulerStatus.Running) return HealthCheckResult.Unhealthy($"the scheduler of {role} is {scheduler.Status.ToString().ToLowerInvariant()}");
            try
            {
                // Reads the job store, which in a cluster is the shared database.
                await scheduler.Exists(new JobKey("health", "health"), cancellationToken).ConfigureAwait(false);
                SchedulerMetadata meta = await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false);
                running.Add($"{role} scheduler {meta.SchedulerInstanceId} running{(meta.JobStoreClustered ? ", clustered" : "")}");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"the job store of the scheduler of {role} does not answer: {error.GetType().Name}");
            }
        }
        return HealthCheckResult.Healthy(string.Join("; ", running));
    }
}
