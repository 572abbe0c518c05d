using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// The Quartz scheduler that fires schedules' ticks, apart from the one that executes runs: a run holds its Quartz
/// thread for as long as it executes, so ticks sharing those threads waited while a host ran its most runs at once,
/// and a tick later than the misfire threshold was dropped (or folded into one) although a tick only creates a run.
/// Its own name keeps its rows apart in the shared store; clustered like the runs' scheduler, one host fires each tick.
/// </summary>
internal sealed class ScheduleClock
{
    /// <summary>The scheduler name of schedules in the store.</summary>
    public const string InstanceName = "prefflow-schedules";

    // Ticks are short (a few reads and one insert): two let a slow database not hold up every other schedule.
    private const int Threads = 2;

    private ScheduleClock(IScheduler scheduler) => Scheduler = scheduler;

    /// <summary>The Quartz scheduler holding the schedules (jobs schedules.&lt;id&gt; and their cron triggers).</summary>
    public IScheduler Scheduler { get; }

    /// <summary>
    /// Builds and starts the clock, after moving any schedule an earlier version kept in the runs' scheduler to it.
    /// </summary>
    /// <param name="settings">The store and clustering, as the runs' scheduler has them.</param>
    /// <param name="runs">The runs' dispatcher, which the ticks submit their runs to.</param>
    /// <param name="misfireThreshold">How late a tick may fire before its misfire policy decides.</param>
    /// <param name="configure">The services the ticks need (state store, engine, logging).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<ScheduleClock> StartAsync(
        SchedulerSettings settings, RunDispatcher runs, TimeSpan misfireThreshold, Action<IQuartzBuilder> configure, CancellationToken cancellationToken)
    {
        IScheduler scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.Services.AddSingleton(runs);
            quartz.Services.AddSingleton<ScheduledRuns>();
            quartz.AddJobType<ScheduleTickJob>();
            configure(quartz);
            QuartzStore.Use(quartz, settings, InstanceName, Threads, misfireThreshold);
        }).BuildScheduler(cancellationToken).ConfigureAwait(false);
        await MoveSchedulesAsync(runs.Scheduler, scheduler, misfireThreshold, cancellationToken).ConfigureAwait(false);
        await scheduler.Start(cancellationToken).ConfigureAwait(false);
        return new ScheduleClock(scheduler);
    }

    /// <summary>Stops firing ticks at once; a tick being handled ends or is fired again by another host.</summary>
    public async Task LeaveAsync() => await Scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None).ConfigureAwait(false);

    // Schedules made before the clock existed live in the runs' scheduler: each is made again here from its spec,
    // paused if it was, then removed there. Hosts starting together may both move one; replacing makes that harmless.
    private static async Task MoveSchedulesAsync(IScheduler from, IScheduler to, TimeSpan misfireThreshold, CancellationToken cancellationToken)
    {
        foreach (JobKey key in await from.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(ScheduleJobs.Group), cancellationToken).ConfigureAwait(false))
        {
            if (await from.GetJobDetail(key, cancellationToken).ConfigureAwait(false) is not { } job) continue;
            ScheduleSpec spec = ScheduleSpec.FromJson(job.JobDataMap.GetString(ScheduleJobs.SpecKey)!);
            bool paused = await from.GetTriggerState(ScheduleJobs.TriggerKeyOf(spec.Id), cancellationToken).ConfigureAwait(false) == TriggerState.Paused;
            await to.ScheduleJob(ScheduleJobs.Job(spec), [ScheduleJobs.Trigger(spec, misfireThreshold)], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
            if (paused) await to.PauseJob(key, cancellationToken).ConfigureAwait(false);
            await from.DeleteJob(key, cancellationToken).ConfigureAwait(false);
        }
    }
}
