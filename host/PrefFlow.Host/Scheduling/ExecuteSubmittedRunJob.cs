using Microsoft.Extensions.Logging;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// The Quartz job of a run a server was asked to execute (started or resumed through the API, or by a schedule).
/// Any host of the cluster may fire it; when the host executing it dies, Quartz fires it again on another host
/// (recovery), whose engine takes the run's lease over and resumes it from its committed nodes.
/// </summary>
internal sealed class ExecuteSubmittedRunJob(WorkflowEngine engine, IStateStore state, ScheduledRuns scheduled, ILogger<ExecuteSubmittedRunJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        string runId = context.JobDetail.JobDataMap.GetString(RunJobs.RunIdKey) ?? throw new JobExecutionException($"job {context.JobDetail.Key} names no run");
        bool resume = context.JobDetail.JobDataMap.GetBoolean(RunJobs.ResumeKey) || context.Recovering;
        RunRecord? run = await state.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null) return;
        await ExecuteAsync(run, resume, context, cancellationToken).ConfigureAwait(false);
        // A run of a schedule ended (or will not start): a run its overlap policy buffered may start now.
        if (run.ScheduleId is { } schedule) await scheduled.ReleaseBufferedAsync(schedule, context.Scheduler, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(RunRecord run, bool resume, IJobExecutionContext context, CancellationToken cancellationToken)
    {
        string runId = run.Id;
        if (run.Status == RunStatus.Succeeded) return;
        // A run cancelled (or already ended) before any host took it up stays as it is, unless a resume was asked for.
        if (!resume && run.Status != RunStatus.Pending) return;
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, cancellationToken);
        using System.Diagnostics.Activity? span = Server.Telemetry.Source.StartActivity("run.execute");
        span?.SetTag("prefflow.run", runId);
        try
        {
            RunOutcome outcome = await engine.ExecuteAsync(runId, null, stop.Token).ConfigureAwait(false);
            logger.LogInformation("run {RunId} ended {Status} on {Owner}", runId, outcome.Status, engine.Owner);
            span?.SetTag("prefflow.status", outcome.Status.ToString());
            Server.Telemetry.RunsExecuted.Add(1, new KeyValuePair<string, object?>("status", outcome.Status.ToString().ToLowerInvariant()));
        }
        catch (InvalidRunRequestException refused) when (context.Recovering)
        {
            // The dead host's lease has not lapsed yet (it ran on another machine): try again when it does.
            RunRecord? now = await state.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false);
            DateTimeOffset retryAt = (now?.LeaseExpiresAt ?? DateTimeOffset.UtcNow) + TimeSpan.FromSeconds(1);
            logger.LogInformation("run {RunId} recovered but still leased ({Reason}); retrying at {At:u}", runId, refused.Message, retryAt);
            await context.Scheduler.ScheduleJob(RunJobs.Retry(runId, retryAt), ScheduleJobOptions.Replacing, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidRunRequestException refused)
        {
            logger.LogWarning("run {RunId} was not executed: {Reason}", runId, refused.Message);
        }
    }
}
