using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Creates, executes, resumes and cancels runs of workflow definitions, keeping their state in an
/// <see cref="IStateStore"/> and their artifacts in an <see cref="IArtifactStore"/>. Executing a run that stopped
/// part-way (failed, cancelled, interrupted, or left running by a dead process) resumes it: committed node outputs
/// whose blobs still verify are reused, the rest is recomputed, and a long node continues from its last checkpoint.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly IStateStore _state;
    private readonly IArtifactStore _artifacts;
    private readonly ActivityRegistry _activities;
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;
    private readonly InFlightWork _inFlight = new();
    private readonly ConcurrentDictionary<string, byte> _executing = new(StringComparer.Ordinal);

    /// <summary>An engine over the given stores and activities.</summary>
    public WorkflowEngine(IStateStore state, IArtifactStore artifacts, ActivityRegistry activities, EngineOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(activities);
        _options = options ?? new EngineOptions();
        _options.Validate();
        (_state, _artifacts, _activities, _time) = (state, artifacts, activities, time ?? TimeProvider.System);
        Owner = RunOwner.New();
    }

    /// <summary>The name this engine executes runs under, "host:pid:nonce".</summary>
    public string Owner { get; }

    /// <summary>
    /// Validates the definition and parameters, publishes the definition version (a published version never
    /// changes) and stores a new Pending run.
    /// </summary>
    /// <exception cref="InvalidRunRequestException">The definition or a parameter is not valid, or the definition's version is published with other content.</exception>
    public async Task<RunRecord> CreateRunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        WorkflowDefinition definition = Load(request.DefinitionJson, "the definition");
        var parameters = ParameterValues.Resolve(definition, request.Parameters);
        string sha256 = DefinitionRecord.HashOf(request.DefinitionJson);
        try
        {
            await _state.PublishDefinitionAsync(
                new DefinitionRecord(definition.Id, definition.Version, definition.Name, request.DefinitionJson, sha256, _time.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
        }
        catch (DefinitionVersionConflictException conflict)
        {
            throw new InvalidRunRequestException(conflict.Message);
        }
        // Run ids are at most 64 characters: the definition id is cut to leave room for the time and a random tail.
        string prefix = definition.Id.Length > 40 ? definition.Id[..40].TrimEnd('-') : definition.Id;
        string runId = request.RunId ?? $"{prefix}-{_time.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
        var run = new RunRecord(runId, definition.Id, definition.Version, sha256, CanonicalJson.Write(parameters), request.Seed, RunStatus.Pending, _time.GetUtcNow(), ScheduleId: request.ScheduleId);
        await _state.CreateRunAsync(run, cancellationToken).ConfigureAwait(false);
        await new RunJournal(_state, runId, null, _time).WriteAsync("run.created", null,
            $"created from '{definition.Id}' version {definition.Version} with parameters {run.ParametersJson}").ConfigureAwait(false);
        return run;
    }

    /// <summary>
    /// Executes the run to its end: a Pending run from the start, a Failed, Cancelled or Interrupted one (or one left
    /// Running by a process known to be dead, or whose lease lapsed) as a resume.
    /// </summary>
    /// <exception cref="InvalidRunRequestException">The run does not exist, already succeeded, or another live process is executing it.</exception>
    public async Task<RunOutcome> ExecuteAsync(string runId, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        RunRecord run = await _state.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidRunRequestException($"no run has the id '{runId}'.");
        if (run.Status == RunStatus.Succeeded) throw new InvalidRunRequestException($"run '{runId}' already succeeded; start a new run to run it again.");
        // The lease keeps other processes out; this keeps a second execution of the same run in this process out (the
        // lease would let it in, as its owner is the same).
        if (!_executing.TryAdd(runId, 0)) throw new InvalidRunRequestException($"run '{runId}' is already being executed by this process ({Owner}).");
        try
        {
            return await ExecuteLeasedAsync(run, observer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _executing.TryRemove(runId, out _);
        }
    }

    private async Task<RunOutcome> ExecuteLeasedAsync(RunRecord run, IRunObserver? observer, CancellationToken cancellationToken)
    {
        string runId = run.Id;
        string? deadOwner = run.LeaseOwner is { } holder && RunOwner.IsKnownDead(holder) ? holder : null;
        if (!await _state.TryAcquireLeaseAsync(runId, Owner, _time.GetUtcNow(), _options.LeaseDuration, deadOwner, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidRunRequestException(
                $"run '{runId}' is being executed by {run.LeaseOwner} (lease until {run.LeaseExpiresAt:u}); cancel it there or wait for that process to stop.");
        }
        try
        {
            DefinitionRecord stored = await _state.GetDefinitionAsync(run.DefinitionId, run.DefinitionVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidRunRequestException($"run '{runId}': its definition '{run.DefinitionId}' version {run.DefinitionVersion} is not in the state store.");
            WorkflowDefinition definition = Load(stored.Json, $"the definition '{run.DefinitionId}' version {run.DefinitionVersion}");
            bool resumed = run.Status != RunStatus.Pending;
            if (resumed)
            {
                int interrupted = await _state.InterruptRunningNodesAsync(runId, "its process stopped before the attempt ended", _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (interrupted > 0)
                {
                    await new RunJournal(_state, runId, observer, _time).WriteAsync("run.recovered", null, $"{interrupted} attempt(s) left running by a stopped process marked interrupted").ConfigureAwait(false);
                }
            }
            IReadOnlyList<NodeExecutionRecord> history = await _state.ListNodeExecutionsAsync(runId, cancellationToken).ConfigureAwait(false);
            var execution = new RunExecution(run, definition, _state, _artifacts, _activities, _options, _time, Owner, observer, history, _inFlight);
            return await execution.ExecuteAsync(resumed, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _state.ReleaseLeaseAsync(runId, Owner, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Cancels the run: a run being executed is asked to stop (its process stops it within a poll interval);
    /// a run nobody executes is marked Cancelled at once. False when the run already ended.
    /// </summary>
    /// <exception cref="InvalidRunRequestException">No run has the id.</exception>
    public async Task<bool> CancelAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        RunRecord run = await _state.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidRunRequestException($"no run has the id '{runId}'.");
        if (run.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled) return false;
        if (RunOwner.IsExecuting(run, _time.GetUtcNow())) return await _state.RequestCancelAsync(runId, cancellationToken).ConfigureAwait(false);
        await _state.SetRunStatusAsync(runId, RunStatus.Cancelled, _time.GetUtcNow(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await new RunJournal(_state, runId, null, _time).WriteAsync("run.cancelled", null, "run cancelled while no process was executing it").ConfigureAwait(false);
        return true;
    }

    private WorkflowDefinition Load(string json, string what)
    {
        DefinitionReadResult result = DefinitionLoader.Load(json, _activities);
        if (result.Succeeded) return result.Definition!;
        throw new InvalidRunRequestException(result.Errors.Select(error => $"{what}: {error}").ToList());
    }
}
