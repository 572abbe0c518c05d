using PrefFlow.Workflows.Runtime;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// The Quartz job of one run: executes (or resumes) it with the engine and hands the outcome, or the engine's
/// exception, to the process that dispatched it. A firing nobody in this process waits for (a run recovered after its
/// process died) is executed only where <see cref="SchedulerSettings.ExecutesRecoveredWork"/> is on; elsewhere it is
/// set aside, still stored, for 'prefflow resume' or a server.
/// </summary>
internal sealed class ExecuteRunJob(WorkflowEngine engine, PendingRuns pending, SchedulerSettings settings) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        string runId = context.JobDetail.JobDataMap.GetString(RunJobs.RunIdKey)
            ?? throw new JobExecutionException($"job {context.JobDetail.Key} names no run");
        if (pending.TryTake(runId, out PendingRun run))
        {
            await ExecuteAsync(runId, run, context, cancellationToken).ConfigureAwait(false);
        }
        else if (settings.ExecutesRecoveredWork)
        {
            using CancellationTokenSource stop = Stop(context, cancellationToken, CancellationToken.None);
            await engine.ExecuteAsync(runId, null, stop.Token).ConfigureAwait(false);
        }
        else
        {
            // Not ours: a plain 'prefflow run X' must not start resuming someone else's run Y. Keep the job with a
            // trigger only a server serves, so neither the run nor its recovery is lost.
            await context.Scheduler.ScheduleJob(RunJobs.Parked(context.JobDetail.Key), ScheduleJobOptions.Replacing, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string runId, PendingRun run, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using CancellationTokenSource stop = Stop(context, cancellationToken, run.Stop);
        try
        {
            run.Outcome.TrySetResult(await engine.ExecuteAsync(runId, run.Observer, stop.Token).ConfigureAwait(false));
        }
        catch (Exception error)
        {
            // The dispatcher rethrows it, so the CLI reports it exactly as when it called the engine itself.
            run.Outcome.TrySetException(error);
        }
    }

    // Interrupting the job (scheduler.Interrupt, here or on another node) and the dispatcher's own stop both stop the run.
    private static CancellationTokenSource Stop(IJobExecutionContext context, CancellationToken job, CancellationToken caller) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, job, caller);
}
