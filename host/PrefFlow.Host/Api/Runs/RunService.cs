using PrefFlow.Host.Api.Definitions;
using PrefFlow.Host.Api.Problems;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Scheduling;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Api.Runs;

/// <summary>
/// What the API does to runs: creates them and hands them to the cluster's dispatcher (any host may execute them),
/// resumes, retries, cancels and deletes them, refusing what a run's state forbids with a 404 or 409 that says why.
/// </summary>
internal sealed class RunService(WorkflowEngine engine, IStateStore state, IArtifactStore artifacts, RunDispatcher dispatcher, DefinitionService definitions)
{
    public async Task<RunRecord> StartAsync(StartRunRequest request, string? scheduleId, string? runId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId)) throw ApiException.BadRequest("name the definition to run in 'definitionId'", "definitionId");
        DefinitionDocuments.CheckId(request.DefinitionId);
        DefinitionRecord definition = request.Version is { } version
            ? await definitions.VersionAsync(request.DefinitionId, version, cancellationToken).ConfigureAwait(false)
            : await definitions.LatestAsync(request.DefinitionId, cancellationToken).ConfigureAwait(false)
              ?? throw ApiException.NotFound($"the definition '{request.DefinitionId}' has no published version: publish its draft first");
        if (request.Parameters?.FirstOrDefault(p => p.Value is null) is { Key: { } unset })
        {
            throw ApiException.BadRequest($"parameter '{unset}' is null: give a value or leave it out for its default", $"parameters.{unset}");
        }
        Dictionary<string, string> parameters = ParameterOverrides.From(request.Parameters);
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition.Json, parameters, request.Seed ?? 1, runId) { ScheduleId = scheduleId }, cancellationToken).ConfigureAwait(false);
        await dispatcher.SubmitAsync(run.Id, resume: false, cancellationToken).ConfigureAwait(false);
        Server.Telemetry.RunsStarted.Add(1);
        return run;
    }

    public async Task<RunRecord> ResumeAsync(string runId, CancellationToken cancellationToken)
    {
        RunRecord run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run.Status == RunStatus.Succeeded) throw ApiException.Conflict($"run '{runId}' already succeeded; start a new run to run it again");
        if (RunOwner.IsExecuting(run, DateTimeOffset.UtcNow)) throw ApiException.Conflict($"run '{runId}' is being executed by {run.LeaseOwner}; cancel it first or wait for it to end");
        await dispatcher.SubmitAsync(runId, resume: true, cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Retries a failed node by resuming its run: the node runs again, then whatever follows it.</summary>
    public async Task<RunRecord> RetryNodeAsync(string runId, string nodePath, CancellationToken cancellationToken)
    {
        RunRecord run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        NodeExecutionRecord? latest = (await state.ListNodeExecutionsAsync(runId, cancellationToken).ConfigureAwait(false))
            .Where(e => e.NodePath == nodePath).MaxBy(e => e.Id)
            ?? throw ApiException.NotFound($"run '{runId}' has no node '{nodePath}' that ran");
        if (latest.Status is not (NodeStatus.Failed or NodeStatus.Cancelled or NodeStatus.Interrupted))
        {
            throw ApiException.Conflict($"node '{nodePath}' of run '{runId}' is {latest.Status.ToString().ToLowerInvariant()}: only a failed, cancelled or interrupted node is retried");
        }
        await state.AppendJournalAsync(new JournalEntry(0, runId, DateTimeOffset.UtcNow, "node.retry-requested", nodePath, $"retry of node '{nodePath}' requested"), cancellationToken).ConfigureAwait(false);
        return await ResumeAsync(run.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CancelAsync(string runId, CancellationToken cancellationToken)
    {
        await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        bool cancelled = await engine.CancelAsync(runId, cancellationToken).ConfigureAwait(false);
        // A run still waiting for a host must not start after all.
        await dispatcher.WithdrawAsync(runId, cancellationToken).ConfigureAwait(false);
        return cancelled;
    }

    /// <summary>Deletes the run, its journal and every blob no other run or checkpoint still uses.</summary>
    public async Task<int> DeleteAsync(string runId, RunSummaryReader summaries, CancellationToken cancellationToken)
    {
        RunRecord run = await GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (RunOwner.IsExecuting(run, DateTimeOffset.UtcNow))
        {
            throw ApiException.Conflict($"run '{runId}' is being executed by {run.LeaseOwner}; cancel it and wait for it to stop before deleting it");
        }
        await dispatcher.WithdrawAsync(runId, cancellationToken).ConfigureAwait(false);
        RunSummary summary = await summaries.ReadAsync(runId, cancellationToken).ConfigureAwait(false);
        var blobs = summary.Artifacts.Select(a => a.Artifact.Sha256).Distinct(StringComparer.Ordinal).ToList();
        await state.DeleteRunAsync(runId, cancellationToken).ConfigureAwait(false);
        int deleted = 0;
        foreach (string sha256 in blobs)
        {
            if (await state.IsArtifactReferencedAsync(sha256, cancellationToken).ConfigureAwait(false)) continue;
            await artifacts.DeleteAsync(sha256, cancellationToken).ConfigureAwait(false);
            deleted++;
        }
        return deleted;
    }

    public async Task<RunRecord> GetAsync(string runId, CancellationToken cancellationToken) =>
        await state.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound($"no run has the id '{runId}'");
}
