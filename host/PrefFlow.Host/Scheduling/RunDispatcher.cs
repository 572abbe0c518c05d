using Microsoft.Extensions.DependencyInjection;
using PrefFlow.Workflows.Runtime;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// Executes runs through Quartz with a persistent job store: each run is a recoverable job, so a run whose process
/// dies stays recorded and can be recovered (by 'prefflow resume', or by another node once the store is clustered).
/// The caller waits for its run's job and gets the engine's outcome, or its exception, as if it had called the engine.
/// </summary>
internal sealed class RunDispatcher : IAsyncDisposable
{
    /// <summary>The scheduler name of runs: every process of one deployment shares it.</summary>
    public const string InstanceName = "prefflow";

    private readonly IScheduler _scheduler;
    private readonly PendingRuns _pending;
    private readonly string _executionGroup;
    private readonly PreferredNode _node;

    private RunDispatcher(IScheduler scheduler, PendingRuns pending, string executionGroup, PreferredNode node)
    {
        (_scheduler, _pending, _executionGroup, _node) = (scheduler, pending, executionGroup, node);
    }

    /// <summary>Builds and starts the scheduler (creating the store's tables if missing).</summary>
    /// <param name="settings">The store and clustering.</param>
    /// <param name="engine">The engine the jobs execute runs with.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="configure">More of what a server's jobs need (its services and job types); null for the CLI.</param>
    public static async Task<RunDispatcher> StartAsync(
        SchedulerSettings settings, WorkflowEngine engine, CancellationToken cancellationToken, Action<IQuartzBuilder>? configure = null)
    {
        var pending = new PendingRuns();
        // A CLI process fires only the triggers it scheduled: a group of its own keeps another process's runs, and
        // runs recovered after a crash, away from it. A server serves its own group and the parked one.
        string executionGroup = settings.ExecutesRecoveredWork ? SchedulerSettings.ServerGroup : $"prefflow-cli-{Guid.NewGuid():N}";
        IScheduler scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.Services.AddSingleton(engine);
            quartz.Services.AddSingleton(pending);
            quartz.Services.AddSingleton(settings);
            quartz.AddJobType<ExecuteRunJob>();
            configure?.Invoke(quartz);
            QuartzStore.Use(quartz, settings, InstanceName, settings.MaxConcurrency);
            // A server fires its own runs and what CLI processes parked, never a CLI process's trigger (that process waits for it).
            if (settings.ExecutesRecoveredWork) quartz.ServeExecutionGroups(SchedulerSettings.ServerGroup, SchedulerSettings.ParkedGroup);
            else quartz.ServeExecutionGroups(executionGroup);
        }).BuildScheduler(cancellationToken).ConfigureAwait(false);
        await scheduler.Start(cancellationToken).ConfigureAwait(false);
        // Unclustered, every process has the same instance id: a pin would mean nothing.
        PreferredNode node = settings.Clustered ? PreferredNode.For(await scheduler.GetSchedulerInstanceId(cancellationToken).ConfigureAwait(false)) : PreferredNode.None;
        return new RunDispatcher(scheduler, pending, executionGroup, node);
    }

    /// <summary>The Quartz scheduler of runs, for health checks and the jobs that submit runs.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>
    /// Hands the run to whichever host of the cluster is free (this one included) and returns at once; the run's
    /// state store record shows how it goes. A run already waiting keeps its place.
    /// </summary>
    public async Task SubmitAsync(string runId, bool resume, CancellationToken cancellationToken)
    {
        IJobDetail job = RunJobs.Submitted(runId, resume);
        await _scheduler.ScheduleJob(job, [RunJobs.Now(runId)], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the run's job, so a run that no host took up yet is never started; false when there was none.</summary>
    public async Task<bool> WithdrawAsync(string runId, CancellationToken cancellationToken) =>
        await _scheduler.DeleteJob(RunJobs.Key(runId), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Stops taking work and returns without waiting for the runs executing here: in a cluster another host recovers
    /// them (as it would after a crash); a single host recovers them when it starts again.
    /// </summary>
    public async Task LeaveAsync() => await _scheduler.Shutdown(waitForJobsToComplete: false, CancellationToken.None).ConfigureAwait(false);

    /// <summary>
    /// Schedules the run's job (replacing one left by a process that died) and waits for it. Cancelling interrupts
    /// the job, which the engine records as an interrupted run.
    /// </summary>
    public async Task<RunOutcome> ExecuteAsync(string runId, IRunObserver? observer, CancellationToken cancellationToken)
    {
        PendingRun run = _pending.Add(runId, new PendingRun(observer, cancellationToken));
        try
        {
            JobKey key = RunJobs.Key(runId);
            await _scheduler.DeleteJob(key, CancellationToken.None).ConfigureAwait(false);
            await _scheduler.ScheduleJob(RunJobs.Job(runId), RunJobs.StartNow(runId, _executionGroup, _node), ScheduleJobOptions.Replacing, CancellationToken.None).ConfigureAwait(false);
            try
            {
                await using (cancellationToken.Register(() => _ = _scheduler.Interrupt(key, CancellationToken.None).AsTask()))
                {
                    return await run.Outcome.Task.ConfigureAwait(false);
                }
            }
            finally
            {
                // The run ended here (whatever its status, the state store has it): no trigger of its job, not even
                // one a concurrently starting process set up as a recovery, may fire it again.
                await ForgetAsync(key).ConfigureAwait(false);
            }
        }
        finally
        {
            _pending.Remove(runId);
        }
    }

    // The store removes the finished job itself as its firing completes; deleting it at the same moment can fail on
    // the trigger that transaction just removed, so a failure is retried, and one that persists only leaves a job
    // whose run already ended (the engine refuses to execute it again).
    private async Task ForgetAsync(JobKey key)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await _scheduler.DeleteJob(key, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (SchedulerException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt)).ConfigureAwait(false);
            }
            catch (SchedulerException)
            {
                return;
            }
        }
    }

    /// <summary>Stops the scheduler once its jobs ended; a finished run's job and trigger are gone by then.</summary>
    public async ValueTask DisposeAsync() => await _scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).ConfigureAwait(false);
}
