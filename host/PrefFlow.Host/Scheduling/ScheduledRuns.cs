using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PrefFlow.Host.Hosting;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;
using Quartz;

namespace PrefFlow.Host.Scheduling;

/// <summary>
/// The runs of schedules. A tick's run has an id made of the schedule's id and the tick's scheduled time, so however
/// many hosts fire the same tick, one run is created (the store refuses a second run with the id). The overlap
/// policy is applied against the schedule's unfinished runs; a buffered run is created but not submitted, and is
/// submitted when a run of its schedule ends.
/// </summary>
internal sealed class ScheduledRuns(WorkflowEngine engine, IStateStore state, ILogger<ScheduledRuns> logger)
{
    /// <summary>The run id of a tick: "&lt;schedule&gt;-yyyyMMdd-HHmmss" (UTC).</summary>
    public static string RunIdOf(string scheduleId, DateTimeOffset tick) =>
        $"{scheduleId}-{tick.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";

    /// <summary>What the tick at <paramref name="tick"/> does; returns the run it created, or null when it skipped.</summary>
    public async Task<string?> TickAsync(ScheduleSpec spec, DateTimeOffset tick, IScheduler scheduler, CancellationToken cancellationToken)
    {
        string runId = RunIdOf(spec.Id, tick);
        if (await state.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is not null) return null;
        var unfinished = new List<RunRecord>();
        foreach (RunStatus status in new[] { RunStatus.Pending, RunStatus.Running })
        {
            unfinished.AddRange(await state.ListRunsAsync(new RunQuery(Status: status, Take: 1000, ScheduleId: spec.Id), cancellationToken).ConfigureAwait(false));
        }
        bool submit = true;
        if (unfinished.Count > 0 && spec.Overlap == ScheduleOverlap.Skip)
        {
            logger.LogInformation("schedule {Schedule}: tick {Tick:u} skipped, run {Run} has not ended", spec.Id, tick, unfinished[0].Id);
            return null;
        }
        if (unfinished.Count > 0 && spec.Overlap == ScheduleOverlap.BufferOne)
        {
            foreach (RunRecord waiting in unfinished.Where(r => r.Status == RunStatus.Pending))
            {
                if (!await scheduler.Exists(RunJobs.Key(waiting.Id), cancellationToken).ConfigureAwait(false))
                {
                    logger.LogInformation("schedule {Schedule}: tick {Tick:u} skipped, run {Run} is already buffered", spec.Id, tick, waiting.Id);
                    return null;
                }
            }
            submit = false;
        }
        RunRecord? run = await CreateAsync(spec, runId, spec.SeedOf(tick), cancellationToken).ConfigureAwait(false);
        if (run is null) return null;
        if (submit) await SubmitAsync(scheduler, run.Id, cancellationToken).ConfigureAwait(false);
        else logger.LogInformation("schedule {Schedule}: run {Run} buffered until the running one ends", spec.Id, run.Id);
        return run.Id;
    }

    /// <summary>Submits the schedule's oldest buffered run (Pending, with no job), when there is one.</summary>
    public async Task ReleaseBufferedAsync(string scheduleId, IScheduler scheduler, CancellationToken cancellationToken)
    {
        IReadOnlyList<RunRecord> pending = await state.ListRunsAsync(new RunQuery(Status: RunStatus.Pending, Take: 1000, ScheduleId: scheduleId), cancellationToken).ConfigureAwait(false);
        foreach (RunRecord run in pending.OrderBy(r => r.CreatedAt))
        {
            if (await scheduler.Exists(RunJobs.Key(run.Id), cancellationToken).ConfigureAwait(false)) continue;
            await SubmitAsync(scheduler, run.Id, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("schedule {Schedule}: buffered run {Run} submitted", scheduleId, run.Id);
            return;
        }
    }

    private async Task<RunRecord?> CreateAsync(ScheduleSpec spec, string runId, ulong seed, CancellationToken cancellationToken)
    {
        DefinitionRecord? definition = spec.Version is { } version
            ? await state.GetDefinitionAsync(spec.DefinitionId, version, cancellationToken).ConfigureAwait(false)
            : (await state.ListDefinitionsAsync(cancellationToken).ConfigureAwait(false)).Where(d => d.Id == spec.DefinitionId).MaxBy(d => d.Version);
        if (definition is null)
        {
            logger.LogWarning("schedule {Schedule}: its definition '{Definition}' is not published; tick skipped", spec.Id, spec.DefinitionId);
            return null;
        }
        Dictionary<string, string> parameters = ParameterOverrides.From(spec.Parameters);
        if (spec.Action == ScheduleAction.ContinueExperiment && await NextIterationAsync(spec, cancellationToken).ConfigureAwait(false) is { } next)
        {
            parameters[spec.IterationParameter] = next.ToString(CultureInfo.InvariantCulture);
        }
        try
        {
            return await engine.CreateRunAsync(new RunRequest(definition.Json, parameters, seed, runId) { ScheduleId = spec.Id }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidRunRequestException refused)
        {
            logger.LogWarning("schedule {Schedule}: tick skipped, the run is not valid: {Reason}", spec.Id, string.Join("; ", refused.Errors));
            return null;
        }
        catch (InvalidOperationException)
        {
            // Another host created this tick's run first (the store refuses a second run with its id).
            if (await state.GetRunAsync(runId, CancellationToken.None).ConfigureAwait(false) is not null) return null;
            throw;
        }
    }

    // One iteration beyond the schedule's last succeeded run; null (the schedule's own value) for the first.
    private async Task<long?> NextIterationAsync(ScheduleSpec spec, CancellationToken cancellationToken)
    {
        IReadOnlyList<RunRecord> done = await state.ListRunsAsync(new RunQuery(Status: RunStatus.Succeeded, Take: 1, ScheduleId: spec.Id), cancellationToken).ConfigureAwait(false);
        if (done.Count == 0) return null;
        JsonNode? last = JsonNode.Parse(done[0].ParametersJson)?[spec.IterationParameter];
        return last is JsonValue value && value.TryGetValue(out long iterations) ? iterations + 1 : null;
    }

    private static async Task SubmitAsync(IScheduler scheduler, string runId, CancellationToken cancellationToken) =>
        await scheduler.ScheduleJob(RunJobs.Submitted(runId, resume: false), [RunJobs.Now(runId)], ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
}
