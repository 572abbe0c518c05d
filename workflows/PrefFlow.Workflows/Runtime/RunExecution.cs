using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// One execution of a run by this process, holding its lease: runs the definition's flowchart while a watcher
/// renews the lease and looks for a cancel request, then records how the run ended.
/// </summary>
internal sealed class RunExecution
{
    private readonly ConcurrentDictionary<string, int> _attempts;
    private readonly Dictionary<string, NodeExecutionRecord> _committed;
    private readonly CancellationTokenSource _stop = new();
    private string _cancelReason = "the run was cancelled";

    public RunExecution(
        RunRecord run, WorkflowDefinition definition, IStateStore state, IArtifactStore artifacts, ActivityRegistry activities,
        EngineOptions options, TimeProvider time, string owner, IRunObserver? observer, IReadOnlyList<NodeExecutionRecord> history,
        InFlightWork inFlight)
    {
        Run = run;
        Definition = definition;
        State = state;
        Artifacts = artifacts;
        Activities = activities;
        Options = options;
        Time = time;
        Owner = owner;
        InFlight = inFlight;
        Journal = new RunJournal(state, run.Id, observer, time);
        Slots = new SemaphoreSlim(options.MaxParallelism);
        _attempts = new(history.GroupBy(e => e.NodePath).Select(g => KeyValuePair.Create(g.Key, g.Max(e => e.Attempt))), StringComparer.Ordinal);
        _committed = history.Where(e => e.Status == NodeStatus.Succeeded).GroupBy(e => e.NodePath)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!, StringComparer.Ordinal);
    }

    public RunRecord Run { get; }

    public string RunId => Run.Id;

    public ulong Seed => Run.Seed;

    public WorkflowDefinition Definition { get; }

    public IStateStore State { get; }

    public IArtifactStore Artifacts { get; }

    public ActivityRegistry Activities { get; }

    public EngineOptions Options { get; }

    public TimeProvider Time { get; }

    public string Owner { get; }

    public RunJournal Journal { get; }

    /// <summary>The work this engine's runs are doing right now, shared by all of them.</summary>
    public InFlightWork InFlight { get; }

    /// <summary>Limits how many activities of the run execute at once.</summary>
    public SemaphoreSlim Slots { get; }

    public string CancelReason => _cancelReason;

    /// <summary>True once another process took the run over: this execution stops and records nothing more.</summary>
    public bool LeaseLost { get; private set; }

    /// <summary>The node's newest committed attempt from before this execution started (read once, not per node).</summary>
    public NodeExecutionRecord? CommittedBefore(string nodePath) => _committed.GetValueOrDefault(nodePath);

    public int NextAttempt(string nodePath) => _attempts.AddOrUpdate(nodePath, 1, (_, last) => last + 1);

    public async Task<RunOutcome> ExecuteAsync(bool resumed, CancellationToken cancellationToken)
    {
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await State.SetRunStatusAsync(RunId, RunStatus.Running, Time.GetUtcNow(), cancellationToken: CancellationToken.None).ConfigureAwait(false);
        await Journal.WriteAsync(resumed ? "run.resumed" : "run.started", null,
            $"{(resumed ? "resumed" : "started")} by {Owner}, seed {Seed.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        using var watcherStop = new CancellationTokenSource();
        Task watcher = WatchAsync(watcherStop.Token);
        RunOutcome outcome;
        string? failedNode = null;
        try
        {
            var parameters = (JsonObject)JsonNode.Parse(Run.ParametersJson)!;
            var identity = new JsonObject { ["id"] = RunId, ["seed"] = Seed };
            await new FlowchartExecutor(this).ExecuteAsync(Definition.Nodes, Definition.Edges, RuntimeScope.Top(parameters, identity), linked.Token).ConfigureAwait(false);
            outcome = new RunOutcome(RunId, RunStatus.Succeeded, null);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Stopping the process (Ctrl+C) interrupts the run, to be resumed; a cancel request cancels it.
            outcome = _stop.IsCancellationRequested
                ? new RunOutcome(RunId, RunStatus.Cancelled, null)
                : new RunOutcome(RunId, RunStatus.Interrupted, "the process executing the run was stopped");
        }
        catch (NodeFailedException failure)
        {
            failedNode = failure.NodePath;
            outcome = new RunOutcome(RunId, RunStatus.Failed, failure.Message);
        }
        catch (LeaseLostException)
        {
            _cancelReason = "another process took the run over (its lease lapsed)";
            LeaseLost = true;
            outcome = LostOutcome();
        }
        finally
        {
            await watcherStop.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
        await Journal.FlushAsync().ConfigureAwait(false);
        if (LeaseLost)
        {
            // The new owner writes the run's status; a second writer here would undo its work.
            await Journal.WriteAsync("run.lost", null, $"{Owner} stopped: {_cancelReason}").ConfigureAwait(false);
            return LostOutcome();
        }
        await State.SetRunStatusAsync(RunId, outcome.Status, Time.GetUtcNow(), outcome.Error, CancellationToken.None).ConfigureAwait(false);
        string ended = outcome.Status switch
        {
            RunStatus.Succeeded => "run succeeded",
            RunStatus.Cancelled => $"run cancelled: {_cancelReason}",
            RunStatus.Interrupted => $"run interrupted: {outcome.Error}; resume it to continue",
            _ => $"run failed: {outcome.Error}",
        };
        // A failed run's entry names the node at fault: a loop whose schedule or an input that could not be evaluated
        // fails before any attempt is recorded, so nothing else says which node it was.
        await Journal.WriteAsync("run." + outcome.Status.ToString().ToLowerInvariant(), failedNode, ended).ConfigureAwait(false);
        await State.ReleaseLeaseAsync(RunId, Owner, CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    private RunOutcome LostOutcome() => new(RunId, RunStatus.Interrupted, "another process took the run over (its lease lapsed)");

    private async Task<DateTimeOffset> WatchOnceAsync(DateTimeOffset renewed, CancellationToken stop)
    {
        RunRecord? current = await State.GetRunAsync(RunId, stop).ConfigureAwait(false);
        if (current is { CancelRequested: true } && !_stop.IsCancellationRequested)
        {
            _cancelReason = "cancel was requested";
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        DateTimeOffset now = Time.GetUtcNow();
        if (now - renewed < Options.LeaseDuration / 3) return renewed;
        if (await State.TryAcquireLeaseAsync(RunId, Owner, now, Options.LeaseDuration, cancellationToken: stop).ConfigureAwait(false)) return now;
        _cancelReason = "another process took the run over (its lease lapsed)";
        LeaseLost = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        return renewed;
    }

    // Renews the lease and watches for a cancel request until the run ends.
    private async Task WatchAsync(CancellationToken stop)
    {
        DateTimeOffset renewed = Time.GetUtcNow();
        using var timer = new PeriodicTimer(Options.PollInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    renewed = await WatchOnceAsync(renewed, stop).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // A busy or briefly unreachable database: try again next tick; the lease has slack for it.
                    Journal.Post("watcher.error", null, $"could not check the run's lease or cancel flag: {error.Message}");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }
}
