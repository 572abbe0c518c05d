using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrefFlow.Host.Scheduling;
using Quartz;

namespace PrefFlow.Host.Server.Health;

/// <summary>Healthy when this host's Quartz scheduler is started and reaches its job store.</summary>
internal sealed class SchedulerHealthCheck(RunDispatcher dispatcher) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IScheduler scheduler = dispatcher.Scheduler;
        if (scheduler.Status != SchedulerStatus.Running) return HealthCheckResult.Unhealthy($"the scheduler is {scheduler.Status.ToString().ToLowerInvariant()}");
        try
        {
            // Reads the job store, which in a cluster is the shared database.
            await scheduler.Exists(new JobKey("health", "health"), cancellationToken).ConfigureAwait(false);
            SchedulerMetadata meta = await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"scheduler {meta.SchedulerInstanceId} running{(meta.JobStoreClustered ? ", clustered" : "")}");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the scheduler's job store does not answer: {error.GetType().Name}");
        }
    }
}
