using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Runtime;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Tests.Runtime;

/// <summary>
/// The engine's behaviour, run over each pair of real stores (SQLite + local folder, PostgreSQL + Azurite):
/// data flow, parallel branches, loops, retries, incidents, resume, checkpoints, cancel, leases and reuse across runs.
/// </summary>
public abstract class EngineContract
{
    private readonly TestControl _control = new();

    protected abstract IStateStore State { get; }

    protected abstract IArtifactStore Artifacts { get; }

    private static readonly EngineOptions FastOptions = new()
    {
        DefaultBackoff = TimeSpan.FromMilliseconds(10),
        PollInterval = TimeSpan.FromMilliseconds(50),
        LeaseDuration = TimeSpan.FromSeconds(5),
    };

    private WorkflowEngine ReusingEngine() => Engine(new EngineOptions
    {
        ReuseWorkAcrossRuns = true,
        DefaultBackoff = FastOptions.DefaultBackoff,
        PollInterval = FastOptions.PollInterval,
        LeaseDuration = FastOptions.LeaseDuration,
    });

    // Tests share a state store, and the input hash covers the seed: a seed of its own keeps a test's work its own.
    private static ulong FreshSeed() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    private static string ReusableDefinition() => Definition("""
        [{"id": "hello", "activity": "write", "inputs": {"text": "hello "}},
         {"id": "world", "activity": "write", "inputs": {"text": "world"}},
         {"id": "joined", "activity": "concat", "inputs": {"left": "${nodes.hello.outputs.blob}", "right": "${nodes.world.outputs.blob}"}},
         {"id": "sum", "activity": "add", "inputs": {"a": "${nodes.joined.outputs.length}", "b": 3}}]
        """, """[{"from": "hello", "to": "joined"}, {"from": "world", "to": "joined"}, {"from": "joined", "to": "sum"}]""");

    private WorkflowEngine Engine(EngineOptions? options = null) =>
        new(State, Artifacts, TestActivities.Registry(_control), options ?? FastOptions);

    private static string Definition(string nodes, string edges = "[]", string parameters = "{}") =>
        $$"""{"id": "{{"t" + Guid.NewGuid().ToString("N")[..12]}}", "version": 1, "name": "test", "parameters": {{parameters}}, "nodes": {{nodes}}, "edges": {{edges}}}""";

    private async Task<(RunRecord Run, RunOutcome Outcome)> RunAsync(string definition, ulong seed = 7, IReadOnlyDictionary<string, string>? parameters = null, WorkflowEngine? engine = null)
    {
        engine ??= Engine();
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, parameters ?? new Dictionary<string, string>(), seed));
        return (run, await engine.ExecuteAsync(run.Id));
    }

    private async Task<JsonObject> OutputsAsync(string runId, string path) =>
        (JsonObject)JsonNode.Parse((await State.GetCommittedNodeAsync(runId, path))!.OutputsJson!)!;

    private async Task<List<JournalEntry>> JournalAsync(string runId) => [.. await State.ReadJournalAsync(runId, 0, 10_000)];

    [Fact]
    public async Task Outputs_flow_along_edges_and_the_run_succeeds()
    {
        string definition = Definition("""
            [{"id": "one", "activity": "add", "inputs": {"a": 1, "b": 2}},
             {"id": "two", "activity": "add", "inputs": {"a": "${nodes.one.outputs.sum}", "b": "${nodes.one.outputs.sum * 10}"}}]
            """, """[{"from": "one", "to": "two"}]""");

        var (run, outcome) = await RunAsync(definition);

        AssertSucceeded(outcome);
        Assert.Equal(33, (await OutputsAsync(run.Id, "two"))["sum"]!.GetValue<long>());
        RunRecord stored = (await State.GetRunAsync(run.Id))!;
        Assert.Equal(RunStatus.Succeeded, stored.Status);
        Assert.NotNull(stored.FinishedAt);
        Assert.Null(stored.LeaseOwner);
        List<string> kinds = (await JournalAsync(run.Id)).Select(entry => entry.Kind).ToList();
        Assert.Equal(["run.created", "run.started", "node.started", "node.committed", "node.started", "node.committed", "run.succeeded"], kinds);
    }

    [Fact]
    public async Task Parameters_take_defaults_and_overrides_read_by_type()
    {
        string definition = Definition("""[{"id": "one", "activity": "add", "inputs": {"a": "${params.a}", "b": "${params.b}"}}]""",
            parameters: """{"a": {"type": "integer", "default": 5}, "b": {"type": "integer", "default": 1, "minimum": 0}}""");

        var (run, _) = await RunAsync(definition, parameters: new Dictionary<string, string> { ["b"] = "40" });

        Assert.Equal(45, (await OutputsAsync(run.Id, "one"))["sum"]!.GetValue<long>());
        Assert.Equal("""{"a":5,"b":40}""", run.ParametersJson);
    }

    [Fact]
    public async Task A_bad_or_unknown_parameter_is_refused_before_anything_is_stored()
    {
        string definition = Definition("""[{"id": "one", "activity": "add", "inputs": {"a": "${params.a}"}}]""",
            parameters: """{"a": {"type": "integer", "default": 5, "minimum": 0}}""");

        var error = await Assert.ThrowsAsync<InvalidRunRequestException>(() => Engine().CreateRunAsync(
            new RunRequest(definition, new Dictionary<string, string> { ["a"] = "-1", ["nope"] = "1" }, 1)));

        Assert.Contains(error.Errors, line => line.StartsWith("parameter 'a' must be at least 0", StringComparison.Ordinal));
        Assert.Contains(error.Errors, line => line.StartsWith("parameter 'nope': the definition", StringComparison.Ordinal));
        Assert.Empty(await State.ListRunsAsync(new RunQuery(Take: 1000)) is var runs ? runs.Where(r => r.ParametersJson.Contains("nope", StringComparison.Ordinal)) : []);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_pointers()
    {
        string definition = Definition("""[{"id": "one", "activity": "nope"}]""");

        var error = await Assert.ThrowsAsync<InvalidRunRequestException>(() => Engine().CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 1)));

        Assert.Contains(error.Errors, line => line.Contains("/nodes/0/activity: unknown activity 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_published_version_cannot_change()
    {
        string id = "fixed-" + Guid.NewGuid().ToString("N")[..8];
        string first = $$$"""{"id": "{{{id}}}", "version": 1, "name": "a", "nodes": [{"id": "x", "activity": "add", "inputs": {"a": 1}}], "edges": []}""";
        string changed = first.Replace("\"a\": 1", "\"a\": 2", StringComparison.Ordinal);
        await Engine().CreateRunAsync(new RunRequest(first, new Dictionary<string, string>(), 1));
        await Engine().CreateRunAsync(new RunRequest(first, new Dictionary<string, string>(), 2));

        var error = await Assert.ThrowsAsync<InvalidRunRequestException>(() => Engine().CreateRunAsync(new RunRequest(changed, new Dictionary<string, string>(), 1)));

        Assert.Contains("already published with different content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Independent_branches_run_at_the_same_time()
    {
        string definition = Definition("""[{"id": "start", "activity": "add", "inputs": {"a": 1}}, {"id": "left", "activity": "block"}, {"id": "right", "activity": "block"}]""",
            """[{"from": "start", "to": "left"}, {"from": "start", "to": "right"}]""");
        var engine = Engine(new EngineOptions { MaxParallelism = 2, PollInterval = FastOptions.PollInterval, LeaseDuration = FastOptions.LeaseDuration });
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 1));

        Task<RunOutcome> execution = engine.ExecuteAsync(run.Id);
        await WaitUntilAsync(() => _control.Executions.Count(e => e.Path != "start") == 2);
        _control.Release.SetResult();

        AssertSucceeded((await execution));
        Assert.Equal(2, _control.MaxConcurrent);
    }

    [Fact]
    public async Task Parallelism_one_runs_nodes_one_at_a_time()
    {
        string definition = Definition("""[{"id": "start", "activity": "add", "inputs": {"a": 1}}, {"id": "left", "activity": "block"}, {"id": "right", "activity": "block"}]""",
            """[{"from": "start", "to": "left"}, {"from": "start", "to": "right"}]""");
        var engine = Engine(new EngineOptions { MaxParallelism = 1, PollInterval = FastOptions.PollInterval, LeaseDuration = FastOptions.LeaseDuration });
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 1));
        _control.Release.SetResult();

        AssertSucceeded((await engine.ExecuteAsync(run.Id)));
        Assert.Equal(1, _control.MaxConcurrent);
    }

    [Fact]
    public async Task A_loop_runs_its_body_once_per_budget_and_carries_values()
    {
        string definition = Definition("""
            [{"id": "start", "activity": "add", "inputs": {"a": 100}},
             {"id": "iterations", "loop": {
                "schedule": {"budgets": [30, 20, 10], "keepFraction": 0.5},
                "carry": {"total": "${nodes.start.outputs.sum}"},
                "nodes": [{"id": "step", "activity": "add", "inputs": {"a": "${iteration.previous.total}", "b": "${iteration.budget + iteration.keptPairs + iteration.index}"}}],
                "edges": [],
                "next": {"total": "${nodes.step.outputs.sum}"}}},
             {"id": "after", "activity": "add", "inputs": {"a": "${nodes.iterations.outputs.total}"}}]
            """, """[{"from": "start", "to": "iterations"}, {"from": "iterations", "to": "after"}]""");

        var (run, outcome) = await RunAsync(definition);

        AssertSucceeded(outcome);
        // 100 + (30+15+0) + (20+10+1) + (10+5+2)
        Assert.Equal(193, (await OutputsAsync(run.Id, "after"))["sum"]!.GetValue<long>());
        Assert.Equal(145, (await OutputsAsync(run.Id, "iterations/0/step"))["sum"]!.GetValue<long>());
        RunSummary summary = await new RunSummaryReader(State, TestActivities.Registry(_control)).ReadAsync(run.Id);
        Assert.Equal(["", "iterations/0", "iterations/1", "iterations/2"], summary.Iterations.Select(row => row.Path));
        Assert.Equal([null, 30, 20, 10], summary.Iterations.Select(row => row.Budget));
        Assert.Equal(176, summary.Iterations[2].Metrics["sum"]);
        // The journal says which iteration of how many started, in its data (the run viewer reads it there).
        JournalEntry second = (await JournalAsync(run.Id)).Single(entry => entry is { Kind: "iteration.started", NodePath: "iterations/1" });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"index":1,"count":3,"budget":20,"keptPairs":10}"""), JsonNode.Parse(second.DataJson!)), second.DataJson);
    }

    [Fact]
    public async Task A_schedule_takes_its_rule_and_sizes_from_parameters_when_the_loop_starts()
    {
        const string parameters = """
            {"rule": {"type": "string", "default": "constant"}, "total": {"type": "integer", "default": 60}, "rounds": {"type": "integer", "default": 3}}
            """;
        string definition = Definition("""
            [{"id": "iterations", "loop": {
                "schedule": {"rule": "${params.rule}", "total": "${params.total}", "iterations": "${params.rounds}", "keepFraction": 0.5},
                "carry": {}, "edges": [], "next": {},
                "nodes": [{"id": "step", "activity": "add", "inputs": {"a": "${iteration.budget}"}}]}}]
            """, parameters: parameters);

        var (constant, constantOutcome) = await RunAsync(definition);
        var (decrease, decreaseOutcome) = await RunAsync(definition, parameters: new Dictionary<string, string> { ["rule"] = "decrease", ["total"] = "300" });
        var (broken, brokenOutcome) = await RunAsync(definition, parameters: new Dictionary<string, string> { ["rule"] = "sideways" });

        AssertSucceeded(constantOutcome);
        AssertSucceeded(decreaseOutcome);
        var reader = new RunSummaryReader(State, TestActivities.Registry(_control));
        Assert.Equal([20, 20, 20], (await reader.ReadAsync(constant.Id)).Iterations.Select(row => row.Budget));
        Assert.Equal([150, 100, 50], (await reader.ReadAsync(decrease.Id)).Iterations.Select(row => row.Budget));
        Assert.Equal(RunStatus.Failed, brokenOutcome.Status);
        Assert.Contains("loop 'iterations': its schedule", brokenOutcome.Error);
        Assert.Contains("sideways", brokenOutcome.Error);
        Assert.Empty(await State.ListNodeExecutionsAsync(broken.Id));
        // No attempt says which node failed, so the run's failure names it.
        Assert.Contains(await JournalAsync(broken.Id), entry => entry is { Kind: "run.failed", NodePath: "iterations" });
    }

    [Fact]
    public async Task A_metric_two_nodes_declare_is_named_by_node_even_when_one_has_no_value()
    {
        string definition = Definition("""
            [{"id": "offline", "activity": "measure"}, {"id": "online", "activity": "measure", "inputs": {"value": 0.25}},
             {"id": "alone", "activity": "add", "inputs": {"a": 2}}]
            """, """[{"from": "offline", "to": "online"}, {"from": "online", "to": "alone"}]""");

        var (run, outcome) = await RunAsync(definition);

        AssertSucceeded(outcome);
        RunSummary summary = await new RunSummaryReader(State, TestActivities.Registry(_control)).ReadAsync(run.Id);
        IterationSummary row = Assert.Single(summary.Iterations);
        Assert.Equal(["online.score", "sum"], row.Metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.25, row.Metrics["online.score"]);
        Assert.Equal(2, row.Metrics["sum"]);
    }

    [Fact]
    public async Task The_summary_lists_each_node_every_artifact_and_where_the_time_went()
    {
        string definition = Definition("""
            [{"id": "first", "activity": "write", "inputs": {"text": "ab"}},
             {"id": "slow", "activity": "sleep", "inputs": {"milliseconds": 300}}]
            """, """[{"from": "first", "to": "slow"}]""");
        var (run, _) = await RunAsync(definition);

        RunSummary summary = await new RunSummaryReader(State, TestActivities.Registry(_control)).ReadAsync(run.Id);

        Assert.Equal(["first", "slow"], summary.Nodes.Select(node => node.Path));
        Assert.All(summary.Nodes, node => Assert.Equal(NodeStatus.Succeeded, node.Status));
        ArtifactEntry artifact = Assert.Single(summary.Artifacts);
        Assert.Equal(("first", "blob", 2L), (artifact.NodePath, artifact.Output, artifact.Artifact.Length));
        RunTiming timing = summary.Timing!;
        Assert.InRange(timing.ActivitySeconds, 0.3, timing.WallSeconds);
        Assert.Equal(timing.WallSeconds - timing.ActivitySeconds, timing.OutsideActivitiesSeconds, 9);
    }

    [Fact]
    public async Task Node_seeds_depend_on_the_run_seed_and_the_node_path_only()
    {
        string definition = Definition("""[{"id": "a", "activity": "seed"}, {"id": "b", "activity": "seed"}]""", """[{"from": "a", "to": "b"}]""");

        var (first, _) = await RunAsync(definition, seed: 11);
        var (second, _) = await RunAsync(definition, seed: 11);
        var (other, _) = await RunAsync(definition, seed: 12);

        string Seed(JsonObject outputs) => outputs["seed"]!.GetValue<string>();
        Assert.Equal(Seed(await OutputsAsync(first.Id, "a")), Seed(await OutputsAsync(second.Id, "a")));
        Assert.NotEqual(Seed(await OutputsAsync(first.Id, "a")), Seed(await OutputsAsync(first.Id, "b")));
        Assert.NotEqual(Seed(await OutputsAsync(first.Id, "a")), Seed(await OutputsAsync(other.Id, "a")));
        Assert.Equal(NodeSeed.Derive(11, "a").ToString(System.Globalization.CultureInfo.InvariantCulture), Seed(await OutputsAsync(first.Id, "a")));
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_each_attempt_recorded()
    {
        string definition = Definition("""[{"id": "shaky", "activity": "flaky", "inputs": {"value": 4}, "retry": {"attempts": 3, "backoffSeconds": 0.01}}]""");
        _control.FailTimes("shaky", 2, new TransientActivityException("the service is busy"));

        var (run, outcome) = await RunAsync(definition);

        AssertSucceeded(outcome);
        IReadOnlyList<NodeExecutionRecord> attempts = await State.ListNodeExecutionsAsync(run.Id);
        Assert.Equal([NodeStatus.Failed, NodeStatus.Failed, NodeStatus.Succeeded], attempts.Select(a => a.Status));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.All(attempts.Take(2), a => Assert.Equal(ErrorKind.Transient, a.ErrorKind));
        Assert.Equal(2, (await JournalAsync(run.Id)).Count(entry => entry.Kind == "node.retrying"));
    }

    [Fact]
    public async Task A_transient_failure_that_persists_fails_the_run_after_the_attempts()
    {
        string definition = Definition("""[{"id": "shaky", "activity": "flaky", "retry": {"attempts": 2, "backoffSeconds": 0}}]""");
        _control.FailTimes("shaky", 5, new IOException("disk hiccup"));

        var (run, outcome) = await RunAsync(definition);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal("node 'shaky' (activity 'flaky') failed after 2 attempts: IOException: disk hiccup", outcome.Error);
        Assert.Equal(outcome.Error, (await State.GetRunAsync(run.Id))!.Error);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried_and_leaves_an_incident()
    {
        string definition = Definition("""[{"id": "broken", "activity": "flaky", "retry": {"attempts": 5}}]""");
        _control.FailTimes("broken", 1, new ActivityException("input 'pairs' holds no pairs"));

        var (run, outcome) = await RunAsync(definition);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal("node 'broken' (activity 'flaky') failed: input 'pairs' holds no pairs", outcome.Error);
        NodeExecutionRecord attempt = Assert.Single(await State.ListNodeExecutionsAsync(run.Id));
        Assert.Equal(ErrorKind.Permanent, attempt.ErrorKind);
        JournalEntry incident = Assert.Single(await JournalAsync(run.Id), entry => entry.Kind == "incident");
        Assert.Equal("broken", incident.NodePath);
    }

    [Fact]
    public async Task A_bug_is_reported_in_one_line_and_its_whole_text_kept_in_the_incident()
    {
        string definition = Definition("""[{"id": "buggy", "activity": "flaky", "retry": {"attempts": 2}}]""");
        _control.FailTimes("buggy", 5, new InvalidOperationException("the first line\nframe #0: native frames follow"));

        var (run, outcome) = await RunAsync(definition);

        Assert.Equal("node 'buggy' (activity 'flaky') failed: InvalidOperationException: the first line", outcome.Error);
        JournalEntry incident = Assert.Single(await JournalAsync(run.Id), entry => entry.Kind == "incident");
        Assert.Contains("native frames follow", incident.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_returning_undeclared_outputs_fails_permanently()
    {
        var (_, outcome) = await RunAsync(Definition("""[{"id": "bad", "activity": "liar", "retry": {"attempts": 3}}]"""));

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("returned 'extra', which its descriptor does not declare", outcome.Error, StringComparison.Ordinal);
        Assert.Single(await State.ListNodeExecutionsAsync(outcome.RunId));
    }

    [Fact]
    public async Task An_attempt_past_its_timeout_is_retried_as_transient()
    {
        string definition = Definition("""[{"id": "slow", "activity": "sleep", "inputs": {"milliseconds": 5000}, "retry": {"attempts": 2, "backoffSeconds": 0, "timeoutSeconds": 0.2}}]""");

        var (run, outcome) = await RunAsync(definition);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal("node 'slow' (activity 'sleep') failed after 2 attempts: the attempt timed out after 0.2 s", outcome.Error);
        Assert.Equal(2, (await State.ListNodeExecutionsAsync(run.Id)).Count);
    }

    [Fact]
    public async Task A_binding_of_the_wrong_type_fails_the_node_naming_the_input()
    {
        // The carried value starts as an integer (the type the validator sees); the next value is a string, which only
        // the second iteration reads.
        string definition = Definition("""
            [{"id": "loop", "loop": {"schedule": [2, 2], "carry": {"v": 1}, "edges": [], "next": {"v": "y"},
              "nodes": [{"id": "one", "activity": "add", "inputs": {"a": "${iteration.previous.v}"}}]}}]
            """);

        var (_, outcome) = await RunAsync(definition);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal("node 'loop/1/one': input 'a' must be an integer, but it is the string \"y\".", outcome.Error);
    }

    [Fact]
    public async Task Resuming_a_failed_run_reuses_committed_nodes_and_runs_the_rest()
    {
        string definition = Definition("""
            [{"id": "first", "activity": "write", "inputs": {"text": "hello "}},
             {"id": "second", "activity": "flaky", "retry": {"attempts": 1}},
             {"id": "third", "activity": "write", "inputs": {"text": "world"}},
             {"id": "joined", "activity": "concat", "inputs": {"left": "${nodes.first.outputs.blob}", "right": "${nodes.third.outputs.blob}"}}]
            """, """[{"from": "first", "to": "second"}, {"from": "second", "to": "third"}, {"from": "third", "to": "joined"}]""");
        _control.FailTimes("second", 1, new ActivityException("not yet"));
        var (run, failed) = await RunAsync(definition);
        Assert.Equal(RunStatus.Failed, failed.Status);

        RunOutcome resumed = await Engine().ExecuteAsync(run.Id);

        AssertSucceeded(resumed);
        Assert.Equal(1, _control.ExecutionsOf("first"));
        Assert.Equal(2, _control.ExecutionsOf("second"));
        Assert.Contains(await JournalAsync(run.Id), entry => entry is { Kind: "node.reused", NodePath: "first" });
        Assert.Equal(11, (await OutputsAsync(run.Id, "joined"))["length"]!.GetValue<long>());
        Assert.Equal([1, 2], (await State.ListNodeExecutionsAsync(run.Id)).Where(e => e.NodePath == "second").Select(e => e.Attempt));
    }

    [Fact]
    public async Task A_deleted_blob_is_detected_on_resume_and_its_node_recomputed()
    {
        string definition = Definition("""
            [{"id": "first", "activity": "write", "inputs": {"text": "kept"}},
             {"id": "second", "activity": "flaky", "retry": {"attempts": 1}}]
            """, """[{"from": "first", "to": "second"}]""");
        _control.FailTimes("second", 1, new ActivityException("not yet"));
        var (run, _) = await RunAsync(definition);
        string blob = (await OutputsAsync(run.Id, "first"))["blob"]!["sha256"]!.GetValue<string>();
        await Artifacts.DeleteAsync(blob);

        RunOutcome resumed = await Engine().ExecuteAsync(run.Id);

        AssertSucceeded(resumed);
        Assert.Equal(2, _control.ExecutionsOf("first"));
        Assert.Contains(await JournalAsync(run.Id), entry => entry is { Kind: "artifact.corrupt", NodePath: "first" });
        Assert.True(await Artifacts.ExistsAsync(blob));
    }

    [Fact]
    public async Task An_interrupted_node_continues_from_its_last_checkpoint_with_the_same_result()
    {
        string definition = Definition("""[{"id": "counter", "activity": "count", "inputs": {"steps": 10, "every": 3}}]""");
        var (reference, _) = await RunAsync(definition);
        long expected = (await OutputsAsync(reference.Id, "counter"))["total"]!.GetValue<long>();
        using var stop = new CancellationTokenSource();
        _control.OnStep = async (_, step, _) =>
        {
            if (step == 7) await stop.CancelAsync();
        };
        var engine = Engine();
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 7));
        RunOutcome interrupted = await engine.ExecuteAsync(run.Id, cancellationToken: stop.Token);
        Assert.Equal(RunStatus.Interrupted, interrupted.Status);
        _control.OnStep = null;

        RunOutcome resumed = await Engine().ExecuteAsync(run.Id);

        AssertSucceeded(resumed);
        JsonObject outputs = await OutputsAsync(run.Id, "counter");
        Assert.Equal(expected, outputs["total"]!.GetValue<long>());
        Assert.Equal(6, outputs["resumedFrom"]!.GetValue<long>());
        Assert.Contains(await JournalAsync(run.Id), entry => entry.Kind == "checkpoint.loaded");
    }

    [Fact]
    public async Task Cancel_stops_a_running_run_and_a_resume_finishes_it()
    {
        string definition = Definition("""[{"id": "wait", "activity": "block", "inputs": {"value": 3}}]""");
        var engine = Engine();
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 1));
        Task<RunOutcome> execution = engine.ExecuteAsync(run.Id);
        await _control.BlockedOnce.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(await Engine().CancelAsync(run.Id));
        RunOutcome outcome = await execution.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal(NodeStatus.Cancelled, Assert.Single(await State.ListNodeExecutionsAsync(run.Id)).Status);
        Assert.False(await Engine().CancelAsync(run.Id));
        _control.Release.SetResult();
        AssertSucceeded((await Engine().ExecuteAsync(run.Id)));
    }

    [Fact]
    public async Task A_run_held_by_a_live_process_cannot_be_executed_twice()
    {
        string definition = Definition("""[{"id": "wait", "activity": "block"}]""");
        var engine = Engine();
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 1));
        Task<RunOutcome> execution = engine.ExecuteAsync(run.Id);
        await _control.BlockedOnce.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<InvalidRunRequestException>(() => Engine().ExecuteAsync(run.Id));

        Assert.Contains("is being executed by", error.Message, StringComparison.Ordinal);
        _control.Release.SetResult();
        AssertSucceeded((await execution));
    }

    [Fact]
    public async Task A_run_left_running_by_a_dead_process_is_taken_over_at_once()
    {
        string definition = Definition("""[{"id": "one", "activity": "add", "inputs": {"a": 1}}]""");
        var engine = Engine();
        RunRecord run = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), 1));
        string dead = $"{Environment.MachineName}:{int.MaxValue - 1}:deadbeef";
        Assert.True(await State.TryAcquireLeaseAsync(run.Id, dead, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)));
        await State.SetRunStatusAsync(run.Id, RunStatus.Running, DateTimeOffset.UtcNow);
        await State.StartNodeAsync(new NodeExecutionRecord(0, run.Id, "one", "add", 1, NodeStatus.Running, new string('a', 64), "{}", DateTimeOffset.UtcNow, Owner: dead));

        RunOutcome outcome = await engine.ExecuteAsync(run.Id);

        AssertSucceeded(outcome);
        IReadOnlyList<NodeExecutionRecord> attempts = await State.ListNodeExecutionsAsync(run.Id);
        Assert.Equal([NodeStatus.Interrupted, NodeStatus.Succeeded], attempts.Select(a => a.Status));
        Assert.Equal([1, 2], attempts.Select(a => a.Attempt));
    }

    [Fact]
    public async Task A_succeeded_run_is_not_executed_again_and_unknown_runs_are_named()
    {
        var (run, _) = await RunAsync(Definition("""[{"id": "one", "activity": "add", "inputs": {"a": 1}}]"""));

        var again = await Assert.ThrowsAsync<InvalidRunRequestException>(() => Engine().ExecuteAsync(run.Id));
        var unknown = await Assert.ThrowsAsync<InvalidRunRequestException>(() => Engine().ExecuteAsync("no-such-run"));

        Assert.Contains("already succeeded", again.Message, StringComparison.Ordinal);
        Assert.Equal("no run has the id 'no-such-run'.", unknown.Message);
    }

    [Fact]
    public async Task With_reuse_a_second_run_of_the_same_definition_and_seed_reuses_every_node()
    {
        string definition = ReusableDefinition();
        ulong seed = FreshSeed();
        var (first, _) = await RunAsync(definition, seed, engine: ReusingEngine());
        Assert.Equal(4, _control.Executions.Count);

        var (second, outcome) = await RunAsync(definition, seed, engine: ReusingEngine());

        AssertSucceeded(outcome);
        Assert.Equal(4, _control.Executions.Count);
        List<JournalEntry> reused = (await JournalAsync(second.Id)).Where(entry => entry.Kind == "node.reused").ToList();
        Assert.Equal(["hello", "joined", "sum", "world"], reused.Select(entry => entry.NodePath).Order(StringComparer.Ordinal));
        Assert.All(reused, entry =>
        {
            JsonNode data = JsonNode.Parse(entry.DataJson!)!;
            Assert.Equal(first.Id, data["sourceRun"]!.GetValue<string>());
            Assert.Equal(entry.NodePath, data["sourceNode"]!.GetValue<string>());
            Assert.Contains(first.Id, entry.Message, StringComparison.Ordinal);
        });
        var reader = new RunSummaryReader(State, TestActivities.Registry(_control));
        RunSummary before = await reader.ReadAsync(first.Id), after = await reader.ReadAsync(second.Id);
        Assert.Equal(RunStatus.Succeeded, after.Status);
        Assert.All(after.Nodes, node => Assert.Equal((NodeStatus.Succeeded, 1, 0.0), (node.Status, node.Attempts, node.Seconds)));
        Assert.Equal(
            before.Nodes.OrderBy(node => node.Path, StringComparer.Ordinal).Select(node => (node.Path, node.Outputs!.ToJsonString())),
            after.Nodes.OrderBy(node => node.Path, StringComparer.Ordinal).Select(node => (node.Path, node.Outputs!.ToJsonString())));
        Assert.Equal(before.Iterations.Single().Metrics, after.Iterations.Single().Metrics);
        Assert.Equal(0, after.Timing!.ActivitySeconds);
    }

    [Fact]
    public async Task With_reuse_a_run_with_another_seed_reuses_nothing()
    {
        string definition = ReusableDefinition();
        ulong seed = FreshSeed();
        await RunAsync(definition, seed, engine: ReusingEngine());

        var (other, outcome) = await RunAsync(definition, seed + 1, engine: ReusingEngine());

        AssertSucceeded(outcome);
        Assert.Equal(8, _control.Executions.Count);
        Assert.DoesNotContain(await JournalAsync(other.Id), entry => entry.Kind == "node.reused");
    }

    [Fact]
    public async Task Without_reuse_a_second_run_of_the_same_definition_and_seed_runs_every_node()
    {
        string definition = ReusableDefinition();
        ulong seed = FreshSeed();
        await RunAsync(definition, seed);

        var (second, outcome) = await RunAsync(definition, seed);

        AssertSucceeded(outcome);
        Assert.Equal(8, _control.Executions.Count);
        Assert.DoesNotContain(await JournalAsync(second.Id), entry => entry.Kind == "node.reused");
    }

    [Fact]
    public async Task With_reuse_a_deleted_source_blob_makes_its_node_run_again()
    {
        string definition = ReusableDefinition();
        ulong seed = FreshSeed();
        var (first, _) = await RunAsync(definition, seed, engine: ReusingEngine());
        string blob = (await OutputsAsync(first.Id, "hello"))["blob"]!["sha256"]!.GetValue<string>();
        await Artifacts.DeleteAsync(blob);

        var (second, outcome) = await RunAsync(definition, seed, engine: ReusingEngine());

        AssertSucceeded(outcome);
        Assert.Equal(2, _control.ExecutionsOf("hello"));
        Assert.Equal(1, _control.ExecutionsOf("world"));
        List<JournalEntry> journal = await JournalAsync(second.Id);
        JournalEntry corrupt = Assert.Single(journal, entry => entry.Kind == "artifact.corrupt");
        Assert.Equal("hello", corrupt.NodePath);
        Assert.Contains(first.Id, corrupt.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(journal, entry => entry is { Kind: "node.reused", NodePath: "hello" });
        Assert.Contains(journal, entry => entry is { Kind: "node.reused", NodePath: "joined" });
        Assert.True(await Artifacts.ExistsAsync(blob));
    }

    [Fact]
    public async Task With_reuse_two_concurrent_runs_do_shared_work_once()
    {
        string definition = Definition("""[{"id": "wait", "activity": "block", "inputs": {"value": 5}}]""");
        ulong seed = FreshSeed();
        WorkflowEngine engine = ReusingEngine();
        RunRecord first = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), seed));
        RunRecord second = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), seed));
        Task<RunOutcome> firstExecution = engine.ExecuteAsync(first.Id);
        await _control.BlockedOnce.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Task<RunOutcome> secondExecution = engine.ExecuteAsync(second.Id);
        await WaitForRunStartedAsync(second.Id);

        _control.Release.SetResult();

        AssertSucceeded(await firstExecution);
        AssertSucceeded(await secondExecution);
        Assert.Equal(1, _control.ExecutionsOf("wait"));
        JournalEntry reused = Assert.Single(await JournalAsync(second.Id), entry => entry.Kind == "node.reused");
        Assert.Equal(first.Id, JsonNode.Parse(reused.DataJson!)!["sourceRun"]!.GetValue<string>());
        Assert.Equal(5, (await OutputsAsync(second.Id, "wait"))["value"]!.GetValue<long>());
    }

    [Fact]
    public async Task With_reuse_a_run_waiting_for_shared_work_does_it_itself_when_the_first_run_fails()
    {
        string definition = Definition("""[{"id": "counter", "activity": "count", "inputs": {"steps": 4}, "retry": {"attempts": 1}}]""");
        ulong seed = FreshSeed();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fail = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int steps = 0;
        _control.OnStep = async (_, _, token) =>
        {
            if (Interlocked.Increment(ref steps) != 1) return;
            reached.SetResult();
            await fail.Task.WaitAsync(token);
            throw new ActivityException("the first run breaks");
        };
        WorkflowEngine engine = ReusingEngine();
        RunRecord first = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), seed));
        RunRecord second = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), seed));
        Task<RunOutcome> firstExecution = engine.ExecuteAsync(first.Id);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Task<RunOutcome> secondExecution = engine.ExecuteAsync(second.Id);
        await WaitForRunStartedAsync(second.Id);

        fail.SetResult();

        Assert.Equal(RunStatus.Failed, (await firstExecution).Status);
        AssertSucceeded(await secondExecution);
        Assert.Equal(2, _control.ExecutionsOf("counter"));
        Assert.DoesNotContain(await JournalAsync(second.Id), entry => entry.Kind == "node.reused");
    }

    [Fact]
    public async Task With_reuse_a_run_waiting_for_shared_work_can_be_cancelled()
    {
        string definition = Definition("""[{"id": "wait", "activity": "block"}]""");
        ulong seed = FreshSeed();
        WorkflowEngine engine = ReusingEngine();
        RunRecord first = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), seed));
        RunRecord second = await engine.CreateRunAsync(new RunRequest(definition, new Dictionary<string, string>(), seed));
        Task<RunOutcome> firstExecution = engine.ExecuteAsync(first.Id);
        await _control.BlockedOnce.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Task<RunOutcome> secondExecution = engine.ExecuteAsync(second.Id);
        await WaitForRunStartedAsync(second.Id);

        Assert.True(await engine.CancelAsync(second.Id));

        Assert.Equal(RunStatus.Cancelled, (await secondExecution.WaitAsync(TimeSpan.FromSeconds(30))).Status);
        Assert.False(firstExecution.IsCompleted);
        Assert.Empty(await State.ListNodeExecutionsAsync(second.Id));
        _control.Release.SetResult();
        AssertSucceeded(await firstExecution);
    }

    // Gives a run just started time to reach its first node, where it waits for the shared work.
    private async Task WaitForRunStartedAsync(string runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await JournalAsync(runId)).Any(entry => entry.Kind == "run.started"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} did not start within 30 s");
            await Task.Delay(10);
        }
        await Task.Delay(200);
    }

    private static void AssertSucceeded(RunOutcome outcome) =>
        Assert.True(outcome.Status == RunStatus.Succeeded, $"the run ended {outcome.Status}: {outcome.Error}");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not hold within 30 s");
            await Task.Delay(10);
        }
    }
}
