using Microsoft.Extensions.Logging;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// A schedule's tick, fired by the schedule clock's cron trigger on one host of the cluster: applies the overlap
/// policy and creates (and submits to the runs' scheduler) the tick's run, whose id is made of the tick's scheduled time.
/// </summary>
internal sealed class ScheduleTickJob(ScheduledRuns runs, RunDispatcher dispatcher, ILogger<ScheduleTickJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ScheduleSpec spec = ScheduleSpec.FromJson(context.MergedJobDataMap.GetString(ScheduleJobs.SpecKey)
            ?? throw new JobExecutionException($"job {context.JobDetail.Key} holds no schedule"));
        DateTimeOffset tick = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        string? run = await runs.TickAsync(spec, tick, dispatcher.Scheduler, cancellationToken).ConfigureAwait(false);
        if (run is not null) logger.LogInformation("schedule {Schedule}: tick {Tick:u} started run {Run}", spec.Id, tick, run);
    }
}
