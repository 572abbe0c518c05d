using System.Security.Cryptography;
using System.Text;
using PrefFlow.Storage.State;

namespace PrefFlow.Storage.Tests.State;

/// <summary>
/// What every <see cref="IStateStore"/> must do. A store's test class derives from this and hands over a store that
/// its class fixture opened; the store is shared by the class's tests, so every test works on ids of its own.
/// </summary>
public abstract class StateStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    protected abstract IStateStore Store { get; }

    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    protected static DefinitionRecord Definition(string id, int version = 1, string json = "{\"nodes\":[]}", string name = "a workflow") =>
        new(id, version, name, json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))), T0);

    protected async Task<DefinitionRecord> PublishAsync(string? id = null, int version = 1) =>
        await Store.PublishDefinitionAsync(Definition(id ?? NewId("def"), version));

    protected static RunRecord Run(DefinitionRecord definition, string? id = null, DateTimeOffset? createdAt = null, ulong seed = 42) =>
        new(id ?? NewId("run"), definition.Id, definition.Version, definition.Sha256, "{\"budget\":100}", seed, RunStatus.Pending, createdAt ?? T0);

    protected async Task<RunRecord> CreateRunAsync(DefinitionRecord? definition = null, DateTimeOffset? createdAt = null)
    {
        RunRecord run = Run(definition ?? await PublishAsync(), createdAt: createdAt);
        await Store.CreateRunAsync(run);
        return run;
    }

    protected async Task<RunRecord> GetRunAsync(string runId) =>
        await Store.GetRunAsync(runId) ?? throw new InvalidOperationException($"run {runId} is missing");

    protected static NodeExecutionRecord Attempt(string runId, string nodePath = "sample", int attempt = 1, string inputHash = "hash-1") =>
        new(0, runId, nodePath, "sample", attempt, NodeStatus.Running, inputHash, "{\"n\":8}", T0, Owner: "host:1:a");

    /// <summary>Starts the attempt as the engine does: its owner holds the run's lease.</summary>
    protected async Task<NodeExecutionRecord> StartLeasedAsync(NodeExecutionRecord attempt, JournalEntry? journal = null)
    {
        Assert.True(await Store.TryAcquireLeaseAsync(attempt.RunId, attempt.Owner!, T0, TimeSpan.FromDays(3650)));
        return await Store.StartNodeAsync(attempt, journal);
    }

    protected static NodeCheckpointRecord Checkpoint(string runId, string nodePath, string inputHash, int step) =>
        new(runId, nodePath, inputHash, "{\"sha256\":\"ab\",\"length\":1,\"mediaType\":\"application/octet-stream\"}",
            $"{{\"step\":{step}}}", T0.AddSeconds(step));

    protected static JournalEntry Entry(string runId, string message, string? nodePath = null) =>
        new(0, runId, T0, "log", nodePath, message, "{\"x\":1}");

    // ---- definitions ----

    [Fact]
    public async Task A_published_definition_comes_back_as_published()
    {
        DefinitionRecord definition = Definition(NewId("def"), version: 3, json: "{\"nodes\":[{\"id\":\"sample\"}]}");

        DefinitionRecord stored = await Store.PublishDefinitionAsync(definition);

        Assert.Equal(definition, stored);
        Assert.Equal(definition, await Store.GetDefinitionAsync(definition.Id, 3));
        Assert.Null(await Store.GetDefinitionAsync(definition.Id, 2));
        Assert.Null(await Store.GetDefinitionAsync(NewId("missing"), 1));
    }

    [Fact]
    public async Task Publishing_the_same_content_again_returns_the_first_stored_record()
    {
        DefinitionRecord first = Definition(NewId("def"));
        await Store.PublishDefinitionAsync(first);

        DefinitionRecord again = await Store.PublishDefinitionAsync(first with { Name = "renamed", PublishedAt = T0.AddDays(1) });

        Assert.Equal(first, again);
        Assert.Equal(first, await Store.GetDefinitionAsync(first.Id, 1));
    }

    [Fact]
    public async Task Publishing_other_content_under_a_published_version_is_a_conflict_and_changes_nothing()
    {
        DefinitionRecord first = Definition(NewId("def"));
        await Store.PublishDefinitionAsync(first);

        var conflict = await Assert.ThrowsAsync<DefinitionVersionConflictException>(
            () => Store.PublishDefinitionAsync(Definition(first.Id, json: "{\"nodes\":[1]}")));

        Assert.Equal(first.Id, conflict.Id);
        Assert.Equal(1, conflict.Version);
        Assert.Equal(first.Sha256, conflict.PublishedSha256);
        Assert.Contains(first.Id, conflict.Message);
        Assert.Equal(first, await Store.GetDefinitionAsync(first.Id, 1));
        Assert.Equal(Definition(first.Id, 2, "{\"nodes\":[1]}"), await Store.PublishDefinitionAsync(Definition(first.Id, 2, "{\"nodes\":[1]}")));
    }

    [Fact]
    public async Task A_definition_whose_sha256_does_not_match_its_json_or_whose_version_is_below_one_is_refused()
    {
        string id = NewId("def");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PublishDefinitionAsync(Definition(id) with { Sha256 = new string('0', 64) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.PublishDefinitionAsync(Definition(id, version: 0)));
        Assert.Null(await Store.GetDefinitionAsync(id, 1));
    }

    [Fact]
    public async Task Definitions_are_listed_by_id_in_ordinal_order_then_by_version()
    {
        string prefix = NewId("list");
        foreach ((string suffix, int version) in new[] { ("b", 2), ("B", 1), ("a-z", 1), ("b", 1), ("a", 10), ("a", 9) })
        {
            await Store.PublishDefinitionAsync(Definition($"{prefix}-{suffix}", version));
        }

        List<string> listed = (await Store.ListDefinitionsAsync())
            .Where(d => d.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(d => $"{d.Id[(prefix.Length + 1)..]}/{d.Version}")
            .ToList();

        Assert.Equal(["B/1", "a/9", "a/10", "a-z/1", "b/1", "b/2"], listed);
    }

    [Fact]
    public async Task Of_concurrent_publishers_of_one_version_those_with_the_winning_content_succeed_and_the_others_conflict()
    {
        string id = NewId("race");
        DefinitionRecord[] offers = Enumerable.Range(0, 12).Select(i => Definition(id, json: $"{{\"variant\":{i % 2}}}")).ToArray();

        Task<DefinitionRecord>[] publishes = offers.Select(offer => Task.Run(() => Store.PublishDefinitionAsync(offer))).ToArray();
        await Task.WhenAll(publishes.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));

        DefinitionRecord published = Assert.IsType<DefinitionRecord>(await Store.GetDefinitionAsync(id, 1));
        for (int i = 0; i < offers.Length; i++)
        {
            if (offers[i].Sha256 == published.Sha256) Assert.Equal(published, await publishes[i]);
            else Assert.IsType<DefinitionVersionConflictException>(publishes[i].Exception?.InnerException);
        }
    }

    // ---- runs ----

    [Fact]
    public async Task A_run_comes_back_with_every_field_as_created()
    {
        DefinitionRecord definition = await PublishAsync();
        var run = new RunRecord(
            NewId("run"), definition.Id, definition.Version, definition.Sha256, "{\"budget\":[15000,10000,5000]}",
            ulong.MaxValue - 7, RunStatus.Interrupted, T0, T0.AddSeconds(1), T0.AddSeconds(2), "it broke", CancelRequested: true,
            LeaseOwner: "host:42:abc", LeaseExpiresAt: T0.AddMinutes(5));

        await Store.CreateRunAsync(run);

        Assert.Equal(run, await Store.GetRunAsync(run.Id));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData((ulong)long.MaxValue)]
    [InlineData((ulong)long.MaxValue + 1)]
    [InlineData(ulong.MaxValue)]
    public async Task Every_seed_round_trips_including_those_above_long_MaxValue(ulong seed)
    {
        RunRecord run = Run(await PublishAsync(), seed: seed);

        await Store.CreateRunAsync(run);

        Assert.Equal(seed, (await GetRunAsync(run.Id)).Seed);
    }

    [Fact]
    public async Task Times_round_trip_to_the_tick_and_come_back_in_utc()
    {
        var at = new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.FromHours(5.5)).AddTicks(1234567);
        RunRecord run = Run(await PublishAsync(), createdAt: at);

        await Store.CreateRunAsync(run);
        RunRecord stored = await GetRunAsync(run.Id);

        Assert.Equal(at, stored.CreatedAt);
        Assert.Equal(at.UtcTicks, stored.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
    }

    [Fact]
    public async Task A_second_run_with_the_same_id_is_refused_and_the_first_is_kept()
    {
        RunRecord first = await CreateRunAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.CreateRunAsync(first with { ParametersJson = "{}", Seed = 7 }));

        Assert.Contains(first.Id, error.Message);
        Assert.Equal(first, await Store.GetRunAsync(first.Id));
    }

    [Fact]
    public async Task A_run_of_an_unpublished_definition_or_of_other_content_is_refused()
    {
        DefinitionRecord definition = await PublishAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateRunAsync(Run(definition with { Version = 2 })));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateRunAsync(Run(definition with { Id = NewId("nothing") })));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateRunAsync(Run(definition with { Sha256 = new string('f', 64) })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("-leading-dash")]
    [InlineData("under_score")]
    [InlineData("a b")]
    [InlineData("x0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task A_run_id_outside_the_allowed_pattern_is_refused(string runId)
    {
        DefinitionRecord definition = await PublishAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateRunAsync(Run(definition, runId)));
    }

    [Fact]
    public async Task An_unknown_run_is_null()
    {
        Assert.Null(await Store.GetRunAsync(NewId("missing")));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_filtered_by_definition_and_status_and_paged()
    {
        DefinitionRecord definition = await PublishAsync();
        DefinitionRecord other = await PublishAsync();
        var created = new List<RunRecord>();
        for (int i = 0; i < 5; i++) created.Add(await CreateRunAsync(definition, T0.AddMinutes(i)));
        RunRecord ofOther = await CreateRunAsync(other, T0.AddMinutes(10));
        await Store.SetRunStatusAsync(created[1].Id, RunStatus.Running, T0);
        await Store.SetRunStatusAsync(created[3].Id, RunStatus.Running, T0);

        List<string> Ids(IReadOnlyList<RunRecord> runs) => runs.Select(r => r.Id).ToList();
        Assert.Equal([created[4].Id, created[3].Id, created[2].Id, created[1].Id, created[0].Id],
            Ids(await Store.ListRunsAsync(new RunQuery(definition.Id))));
        Assert.Equal([created[3].Id, created[1].Id], Ids(await Store.ListRunsAsync(new RunQuery(definition.Id, RunStatus.Running))));
        Assert.Equal([created[2].Id, created[1].Id], Ids(await Store.ListRunsAsync(new RunQuery(definition.Id, Skip: 2, Take: 2))));
        Assert.Empty(await Store.ListRunsAsync(new RunQuery(definition.Id, Skip: 5)));
        Assert.Equal([ofOther.Id], Ids(await Store.ListRunsAsync(new RunQuery(other.Id))));
        Assert.Empty(await Store.ListRunsAsync(new RunQuery(definition.Id, RunStatus.Succeeded)));
        IReadOnlyList<RunRecord> all = await Store.ListRunsAsync(new RunQuery(Take: 1000));
        Assert.Contains(all, r => r.Id == ofOther.Id);
        Assert.Equal(all.OrderByDescending(r => r.CreatedAt).Select(r => r.CreatedAt), all.Select(r => r.CreatedAt));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1001)]
    [InlineData(-1, 10)]
    public async Task A_run_query_with_a_page_out_of_range_is_refused(int skip, int take)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListRunsAsync(new RunQuery(Skip: skip, Take: take)));
    }

    // ---- run status ----

    [Fact]
    public async Task Running_sets_the_start_only_the_first_time_and_clears_the_end_the_error_and_a_cancel_request()
    {
        RunRecord run = await CreateRunAsync();
        await Store.SetRunStatusAsync(run.Id, RunStatus.Running, T0.AddSeconds(1));
        await Store.RequestCancelAsync(run.Id);
        await Store.SetRunStatusAsync(run.Id, RunStatus.Failed, T0.AddSeconds(2), "boom");

        await Store.SetRunStatusAsync(run.Id, RunStatus.Running, T0.AddSeconds(3), "ignored");

        RunRecord stored = await GetRunAsync(run.Id);
        Assert.Equal(RunStatus.Running, stored.Status);
        Assert.Equal(T0.AddSeconds(1), stored.StartedAt);
        Assert.Null(stored.FinishedAt);
        Assert.Null(stored.Error);
        Assert.False(stored.CancelRequested);
    }

    [Theory]
    [InlineData(RunStatus.Succeeded, true, false)]
    [InlineData(RunStatus.Failed, true, true)]
    [InlineData(RunStatus.Cancelled, true, false)]
    [InlineData(RunStatus.Interrupted, false, true)]
    [InlineData(RunStatus.Pending, false, false)]
    public async Task Terminal_statuses_set_the_finish_and_only_Failed_and_Interrupted_keep_the_error(RunStatus status, bool finishes, bool keepsError)
    {
        RunRecord run = await CreateRunAsync();
        await Store.SetRunStatusAsync(run.Id, RunStatus.Running, T0.AddSeconds(1));
        await Store.RequestCancelAsync(run.Id);

        await Store.SetRunStatusAsync(run.Id, status, T0.AddSeconds(5), "the reason");

        RunRecord stored = await GetRunAsync(run.Id);
        Assert.Equal(status, stored.Status);
        Assert.Equal(T0.AddSeconds(1), stored.StartedAt);
        Assert.Equal(finishes ? T0.AddSeconds(5) : null, stored.FinishedAt);
        Assert.Equal(keepsError ? "the reason" : null, stored.Error);
        Assert.True(stored.CancelRequested);
    }

    [Fact]
    public async Task Statuses_other_than_Running_leave_the_start_unset()
    {
        RunRecord run = await CreateRunAsync();

        await Store.SetRunStatusAsync(run.Id, RunStatus.Failed, T0.AddSeconds(5), "could not start");

        Assert.Null((await GetRunAsync(run.Id)).StartedAt);
    }

    // ---- cancel requests ----

    [Theory]
    [InlineData(RunStatus.Pending)]
    [InlineData(RunStatus.Running)]
    [InlineData(RunStatus.Interrupted)]
    public async Task A_cancel_request_on_an_unfinished_run_is_recorded(RunStatus status)
    {
        RunRecord run = await CreateRunAsync();
        await Store.SetRunStatusAsync(run.Id, status, T0);

        Assert.True(await Store.RequestCancelAsync(run.Id));
        Assert.True(await Store.RequestCancelAsync(run.Id));

        Assert.True((await GetRunAsync(run.Id)).CancelRequested);
    }

    [Theory]
    [InlineData(RunStatus.Succeeded)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Cancelled)]
    public async Task A_cancel_request_on_a_finished_run_returns_false_and_changes_nothing(RunStatus status)
    {
        RunRecord run = await CreateRunAsync();
        await Store.SetRunStatusAsync(run.Id, status, T0, "done");
        RunRecord before = await GetRunAsync(run.Id);

        Assert.False(await Store.RequestCancelAsync(run.Id));

        Assert.Equal(before, await GetRunAsync(run.Id));
    }

    // ---- leases ----

    [Fact]
    public async Task A_free_lease_is_taken_until_now_plus_the_duration()
    {
        RunRecord run = await CreateRunAsync();

        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "a", T0, Minute));

        RunRecord stored = await GetRunAsync(run.Id);
        Assert.Equal("a", stored.LeaseOwner);
        Assert.Equal(T0 + Minute, stored.LeaseExpiresAt);
    }

    [Fact]
    public async Task A_lease_held_by_a_live_other_owner_is_not_taken_and_stays_as_it_was()
    {
        RunRecord run = await CreateRunAsync();
        await Store.TryAcquireLeaseAsync(run.Id, "a", T0, Minute);

        Assert.False(await Store.TryAcquireLeaseAsync(run.Id, "b", T0.AddSeconds(59), Minute));
        Assert.False(await Store.TryAcquireLeaseAsync(run.Id, "b", T0.AddSeconds(59), Minute, replaceOwner: "c"));

        RunRecord stored = await GetRunAsync(run.Id);
        Assert.Equal("a", stored.LeaseOwner);
        Assert.Equal(T0 + Minute, stored.LeaseExpiresAt);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(3600)]
    public async Task A_lapsed_lease_is_taken_by_another_owner(int secondsLater)
    {
        RunRecord run = await CreateRunAsync();
        await Store.TryAcquireLeaseAsync(run.Id, "a", T0, Minute);

        DateTimeOffset now = T0.AddSeconds(secondsLater);
        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "b", now, Minute));

        RunRecord stored = await GetRunAsync(run.Id);
        Assert.Equal("b", stored.LeaseOwner);
        Assert.Equal(now + Minute, stored.LeaseExpiresAt);
    }

    [Fact]
    public async Task The_holder_renews_its_own_lease()
    {
        RunRecord run = await CreateRunAsync();
        await Store.TryAcquireLeaseAsync(run.Id, "a", T0, Minute);

        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "a", T0.AddSeconds(30), TimeSpan.FromMinutes(2)));

        Assert.Equal(T0.AddSeconds(30) + TimeSpan.FromMinutes(2), (await GetRunAsync(run.Id)).LeaseExpiresAt);
    }

    [Fact]
    public async Task A_live_lease_of_a_process_known_to_be_dead_is_taken_over_by_naming_it()
    {
        RunRecord run = await CreateRunAsync();
        await Store.TryAcquireLeaseAsync(run.Id, "dead", T0, TimeSpan.FromHours(1));

        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "b", T0.AddSeconds(1), Minute, replaceOwner: "dead"));

        Assert.Equal("b", (await GetRunAsync(run.Id)).LeaseOwner);
        Assert.False(await Store.TryAcquireLeaseAsync(run.Id, "c", T0.AddSeconds(2), Minute, replaceOwner: "dead"));
    }

    [Fact]
    public async Task Only_the_holder_releases_a_lease()
    {
        RunRecord run = await CreateRunAsync();
        await Store.TryAcquireLeaseAsync(run.Id, "a", T0, Minute);

        await Store.ReleaseLeaseAsync(run.Id, "b");
        Assert.Equal("a", (await GetRunAsync(run.Id)).LeaseOwner);

        await Store.ReleaseLeaseAsync(run.Id, "a");
        RunRecord released = await GetRunAsync(run.Id);
        Assert.Null(released.LeaseOwner);
        Assert.Null(released.LeaseExpiresAt);
        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "b", T0, Minute));
    }

    [Fact]
    public async Task Of_many_concurrent_callers_for_a_free_lease_exactly_one_wins()
    {
        RunRecord run = await CreateRunAsync();
        string[] owners = Enumerable.Range(0, 24).Select(i => $"host:{i}").ToArray();
        using var start = new ManualResetEventSlim();

        Task<bool>[] attempts = owners
            .Select(owner => Task.Run(async () => { start.Wait(); return await Store.TryAcquireLeaseAsync(run.Id, owner, T0, Minute); }))
            .ToArray();
        start.Set();
        bool[] won = await Task.WhenAll(attempts);

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(owners[Array.IndexOf(won, true)], (await GetRunAsync(run.Id)).LeaseOwner);
    }

    [Fact]
    public async Task A_lease_must_last_a_positive_time_and_have_an_owner()
    {
        RunRecord run = await CreateRunAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryAcquireLeaseAsync(run.Id, "a", T0, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.TryAcquireLeaseAsync(run.Id, " ", T0, Minute));
    }

    // ---- node attempts ----

    [Fact]
    public async Task A_started_attempt_is_Running_with_a_new_id_whatever_the_record_said_about_its_end()
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord offered = Attempt(run.Id) with
        {
            Status = NodeStatus.Succeeded, OutputsJson = "{}", FinishedAt = T0, Error = "x", ErrorKind = ErrorKind.Permanent,
        };

        NodeExecutionRecord first = await StartLeasedAsync(offered);
        NodeExecutionRecord second = await StartLeasedAsync(Attempt(run.Id, "score"));

        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
        Assert.Equal(Attempt(run.Id) with { Id = first.Id }, first);
        Assert.Equal([first, second], await Store.ListNodeExecutionsAsync(run.Id));
    }

    [Fact]
    public async Task A_completed_attempt_is_Succeeded_with_its_outputs_and_committed()
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord started = await StartLeasedAsync(Attempt(run.Id));

        await Store.CompleteNodeAsync(started.Id, "{\"responses\":{\"sha256\":\"ab\"}}", T0.AddSeconds(9));

        NodeExecutionRecord expected = started with
        {
            Status = NodeStatus.Succeeded, OutputsJson = "{\"responses\":{\"sha256\":\"ab\"}}", FinishedAt = T0.AddSeconds(9),
        };
        Assert.Equal([expected], await Store.ListNodeExecutionsAsync(run.Id));
        Assert.Equal(expected, await Store.GetCommittedNodeAsync(run.Id, "sample"));
    }

    [Theory]
    [InlineData(NodeStatus.Failed, ErrorKind.Transient, ErrorKind.Transient)]
    [InlineData(NodeStatus.Failed, ErrorKind.Permanent, ErrorKind.Permanent)]
    [InlineData(NodeStatus.Failed, null, null)]
    [InlineData(NodeStatus.Cancelled, ErrorKind.Transient, null)]
    [InlineData(NodeStatus.Interrupted, ErrorKind.Permanent, null)]
    public async Task An_ended_attempt_keeps_its_reason_and_the_error_kind_only_when_Failed(NodeStatus status, ErrorKind? kind, ErrorKind? kept)
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord started = await StartLeasedAsync(Attempt(run.Id));

        await Store.EndNodeAsync(started.Id, status, "the reason", kind, T0.AddSeconds(3));

        Assert.Equal(
            [started with { Status = status, Error = "the reason", ErrorKind = kept, FinishedAt = T0.AddSeconds(3) }],
            await Store.ListNodeExecutionsAsync(run.Id));
        Assert.Null(await Store.GetCommittedNodeAsync(run.Id, "sample"));
    }

    [Theory]
    [InlineData(NodeStatus.Running)]
    [InlineData(NodeStatus.Succeeded)]
    public async Task An_attempt_cannot_end_as_Running_or_Succeeded(NodeStatus status)
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord started = await StartLeasedAsync(Attempt(run.Id));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.EndNodeAsync(started.Id, status, "no", null, T0));

        Assert.Equal(NodeStatus.Running, (await Store.ListNodeExecutionsAsync(run.Id))[0].Status);
    }

    [Fact]
    public async Task An_attempt_that_already_ended_is_neither_completed_nor_ended_again()
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord started = await StartLeasedAsync(Attempt(run.Id));
        await Store.EndNodeAsync(started.Id, NodeStatus.Interrupted, "process gone", null, T0.AddSeconds(1));

        var complete = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CompleteNodeAsync(started.Id, "{}", T0.AddSeconds(2)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.EndNodeAsync(started.Id, NodeStatus.Failed, "late", null, T0.AddSeconds(2)));

        Assert.Contains("Interrupted", complete.Message);
        Assert.Equal(NodeStatus.Interrupted, (await Store.ListNodeExecutionsAsync(run.Id))[0].Status);
    }

    [Fact]
    public async Task Journal_entries_given_with_a_start_or_a_commit_are_appended_with_it()
    {
        RunRecord run = await CreateRunAsync();
        var started = new JournalEntry(0, run.Id, T0.AddSeconds(1), "node.started", "sample", "attempt 1 started");
        var committed = new JournalEntry(0, run.Id, T0.AddSeconds(2), "node.committed", "sample", "attempt 1 committed", "{\"outputs\":{}}");

        NodeExecutionRecord attempt = await StartLeasedAsync(Attempt(run.Id), started);
        await Store.CompleteNodeAsync(attempt.Id, "{}", T0.AddSeconds(2), committed);

        IReadOnlyList<JournalEntry> journal = await Store.ReadJournalAsync(run.Id);
        Assert.Equal([started with { Sequence = journal[0].Sequence }, committed with { Sequence = journal[1].Sequence }], journal);
    }

    [Fact]
    public async Task A_commit_that_is_refused_appends_no_journal_entry()
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord attempt = await StartLeasedAsync(Attempt(run.Id));
        await Store.EndNodeAsync(attempt.Id, NodeStatus.Interrupted, "process gone", null, T0.AddSeconds(1));
        var late = new JournalEntry(0, run.Id, T0.AddSeconds(2), "node.committed", "sample", "too late");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CompleteNodeAsync(attempt.Id, "{}", T0.AddSeconds(2), late));

        Assert.Empty(await Store.ReadJournalAsync(run.Id));
    }

    [Fact]
    public async Task Completing_or_ending_an_unknown_attempt_names_its_id()
    {
        const long unknown = long.MaxValue - 3;

        var complete = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.CompleteNodeAsync(unknown, "{}", T0));
        var end = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.EndNodeAsync(unknown, NodeStatus.Failed, "x", null, T0));

        Assert.Contains(unknown.ToString(System.Globalization.CultureInfo.InvariantCulture), complete.Message);
        Assert.Contains(unknown.ToString(System.Globalization.CultureInfo.InvariantCulture), end.Message);
    }

    [Fact]
    public async Task Interrupting_a_run_marks_only_its_Running_attempts()
    {
        RunRecord run = await CreateRunAsync();
        RunRecord other = await CreateRunAsync();
        NodeExecutionRecord done = await StartLeasedAsync(Attempt(run.Id, "sample"));
        await Store.CompleteNodeAsync(done.Id, "{}", T0.AddSeconds(1));
        NodeExecutionRecord running1 = await StartLeasedAsync(Attempt(run.Id, "iterations/0/score"));
        NodeExecutionRecord running2 = await StartLeasedAsync(Attempt(run.Id, "iterations/1/score"));
        NodeExecutionRecord elsewhere = await StartLeasedAsync(Attempt(other.Id));

        Assert.Equal(2, await Store.InterruptRunningNodesAsync(run.Id, "host died", T0.AddSeconds(5)));
        Assert.Equal(0, await Store.InterruptRunningNodesAsync(run.Id, "again", T0.AddSeconds(6)));

        IReadOnlyList<NodeExecutionRecord> attempts = await Store.ListNodeExecutionsAsync(run.Id);
        Assert.Equal(NodeStatus.Succeeded, attempts[0].Status);
        Assert.Equal(running1 with { Status = NodeStatus.Interrupted, Error = "host died", FinishedAt = T0.AddSeconds(5) }, attempts[1]);
        Assert.Equal(running2 with { Status = NodeStatus.Interrupted, Error = "host died", FinishedAt = T0.AddSeconds(5) }, attempts[2]);
        Assert.Equal([elsewhere], await Store.ListNodeExecutionsAsync(other.Id));
    }

    [Fact]
    public async Task Committed_work_is_the_newest_Succeeded_attempt_with_that_input_hash_in_any_run()
    {
        string hash = NewId("hash");
        RunRecord first = await CreateRunAsync();
        RunRecord second = await CreateRunAsync();
        NodeExecutionRecord older = await StartLeasedAsync(Attempt(first.Id, "iterations/0/sample", inputHash: hash));
        await Store.CompleteNodeAsync(older.Id, "{\"v\":1}", T0.AddSeconds(1));
        NodeExecutionRecord newer = await StartLeasedAsync(Attempt(second.Id, "sample", inputHash: hash));
        await Store.CompleteNodeAsync(newer.Id, "{\"v\":2}", T0.AddSeconds(2));
        NodeExecutionRecord failed = await StartLeasedAsync(Attempt(second.Id, "sample", 2, hash));
        await Store.EndNodeAsync(failed.Id, NodeStatus.Failed, "boom", ErrorKind.Permanent, T0.AddSeconds(3));
        await StartLeasedAsync(Attempt(first.Id, "iterations/0/sample", 2, hash));

        NodeExecutionRecord? found = await Store.FindCommittedWorkAsync(hash);

        Assert.Equal(newer with { Status = NodeStatus.Succeeded, OutputsJson = "{\"v\":2}", FinishedAt = T0.AddSeconds(2) }, found);
    }

    [Fact]
    public async Task Work_that_never_committed_with_that_input_hash_is_not_found()
    {
        string hash = NewId("hash");
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord failed = await StartLeasedAsync(Attempt(run.Id, "sample", 1, hash));
        await Store.EndNodeAsync(failed.Id, NodeStatus.Failed, "boom", ErrorKind.Transient, T0.AddSeconds(1));
        NodeExecutionRecord interrupted = await StartLeasedAsync(Attempt(run.Id, "sample", 2, hash));
        await Store.EndNodeAsync(interrupted.Id, NodeStatus.Interrupted, "host died", null, T0.AddSeconds(2));
        await StartLeasedAsync(Attempt(run.Id, "sample", 3, hash));
        NodeExecutionRecord otherWork = await StartLeasedAsync(Attempt(run.Id, "score", 1, NewId("hash")));
        await Store.CompleteNodeAsync(otherWork.Id, "{}", T0.AddSeconds(3));

        Assert.Null(await Store.FindCommittedWorkAsync(hash));
        Assert.Null(await Store.FindCommittedWorkAsync(NewId("hash")));
    }

    [Fact]
    public async Task The_committed_node_is_its_newest_Succeeded_attempt_of_that_path()
    {
        RunRecord run = await CreateRunAsync();
        Assert.Null(await Store.GetCommittedNodeAsync(run.Id, "train"));
        NodeExecutionRecord first = await StartLeasedAsync(Attempt(run.Id, "train", 1));
        await Store.CompleteNodeAsync(first.Id, "{\"v\":1}", T0.AddSeconds(1));
        NodeExecutionRecord second = await StartLeasedAsync(Attempt(run.Id, "train", 2, "hash-2"));
        await Store.CompleteNodeAsync(second.Id, "{\"v\":2}", T0.AddSeconds(2));
        NodeExecutionRecord third = await StartLeasedAsync(Attempt(run.Id, "train", 3));
        await Store.EndNodeAsync(third.Id, NodeStatus.Failed, "oom", ErrorKind.Transient, T0.AddSeconds(3));
        await StartLeasedAsync(Attempt(run.Id, "train", 4));
        NodeExecutionRecord sibling = await StartLeasedAsync(Attempt(run.Id, "iterations/0/train", 1));
        await Store.CompleteNodeAsync(sibling.Id, "{\"v\":9}", T0.AddSeconds(4));

        NodeExecutionRecord? committed = await Store.GetCommittedNodeAsync(run.Id, "train");

        Assert.Equal(second.Id, committed?.Id);
        Assert.Equal("{\"v\":2}", committed?.OutputsJson);
        Assert.Equal("hash-2", committed?.InputHash);
        Assert.Null(await Store.GetCommittedNodeAsync(run.Id, "iterations/1/train"));
    }

    [Fact]
    public async Task A_run_without_attempts_lists_none()
    {
        RunRecord run = await CreateRunAsync();

        Assert.Empty(await Store.ListNodeExecutionsAsync(run.Id));
    }

    // ---- fencing: only the lease holder starts and commits attempts ----

    [Fact]
    public async Task An_owner_without_the_lease_cannot_start_an_attempt()
    {
        RunRecord run = await CreateRunAsync();
        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "other:2:b", T0, Minute));

        var error = await Assert.ThrowsAsync<LeaseLostException>(() => Store.StartNodeAsync(Attempt(run.Id)));

        Assert.Contains(run.Id, error.Message);
        Assert.Empty(await Store.ListNodeExecutionsAsync(run.Id));
    }

    [Fact]
    public async Task An_attempt_whose_owner_lost_the_lease_cannot_commit_and_stays_as_it_was()
    {
        RunRecord run = await CreateRunAsync();
        NodeExecutionRecord started = await StartLeasedAsync(Attempt(run.Id));
        // The lease lapses and another process takes the run over.
        Assert.True(await Store.TryAcquireLeaseAsync(run.Id, "other:2:b", T0.AddDays(3651), Minute));

        await Assert.ThrowsAsync<LeaseLostException>(() => Store.CompleteNodeAsync(started.Id, "{}", T0, Entry(run.Id, "committed")));

        NodeExecutionRecord stored = Assert.Single(await Store.ListNodeExecutionsAsync(run.Id));
        Assert.Equal(NodeStatus.Running, stored.Status);
        Assert.Null(await Store.GetCommittedNodeAsync(run.Id, started.NodePath));
        Assert.DoesNotContain(await Store.ReadJournalAsync(run.Id), entry => entry.Message == "committed");
    }

    [Fact]
    public async Task An_attempt_without_an_owner_is_refused()
    {
        RunRecord run = await CreateRunAsync();

        await Assert.ThrowsAsync<LeaseLostException>(() => Store.StartNodeAsync(Attempt(run.Id) with { Owner = null }));
    }

    [Fact]
    public async Task Racing_owners_commit_a_node_at_most_once()
    {
        // Each of several owners takes the lease in turn and tries to start and commit the same node; whoever does not
        // hold the lease at the moment of its write is refused, so at most one attempt commits per lease holder.
        RunRecord run = await CreateRunAsync();
        string[] owners = ["h:1:a", "h:2:b", "h:3:c", "h:4:d"];
        int committed = 0;
        await Task.WhenAll(owners.Select((owner, i) => Task.Run(async () =>
        {
            if (!await Store.TryAcquireLeaseAsync(run.Id, owner, T0, Minute)) return;
            try
            {
                NodeExecutionRecord attempt = await Store.StartNodeAsync(Attempt(run.Id, attempt: i + 1) with { Owner = owner });
                await Store.CompleteNodeAsync(attempt.Id, "{}", T0);
                Interlocked.Increment(ref committed);
            }
            catch (LeaseLostException)
            {
            }
        })));

        Assert.Equal(1, committed);
        Assert.Single(await Store.ListNodeExecutionsAsync(run.Id), e => e.Status == NodeStatus.Succeeded);
    }

    // ---- deleting runs ----

    [Fact]
    public async Task Deleting_a_run_removes_it_with_its_attempts_checkpoints_and_journal()
    {
        RunRecord run = await CreateRunAsync();
        RunRecord kept = await CreateRunAsync();
        await StartLeasedAsync(Attempt(run.Id));
        await Store.SaveCheckpointAsync(Checkpoint(run.Id, "sample", "hash-1", 1));
        await Store.AppendJournalAsync(Entry(run.Id, "hello"));

        Assert.True(await Store.DeleteRunAsync(run.Id));

        Assert.Null(await Store.GetRunAsync(run.Id));
        Assert.False(await Store.DeleteRunAsync(run.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.ListNodeExecutionsAsync(run.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.ReadJournalAsync(run.Id));
        Assert.NotNull(await Store.GetRunAsync(kept.Id));
    }

    [Fact]
    public async Task A_blob_is_referenced_while_a_committed_attempt_or_a_checkpoint_names_it()
    {
        RunRecord run = await CreateRunAsync();
        string output = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NewId("blob"))));
        string pending = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NewId("blob"))));
        NodeExecutionRecord attempt = await StartLeasedAsync(Attempt(run.Id));
        Assert.False(await Store.IsArtifactReferencedAsync(output));

        await Store.CompleteNodeAsync(attempt.Id, $"{{\"policy\":{{\"sha256\":\"{output}\"}}}}", T0);
        await Store.SaveCheckpointAsync(Checkpoint(run.Id, "train", "hash-1", 1) with { ArtifactJson = $"{{\"sha256\":\"{pending}\"}}" });

        Assert.True(await Store.IsArtifactReferencedAsync(output));
        Assert.True(await Store.IsArtifactReferencedAsync(pending));
        await Store.DeleteRunAsync(run.Id);
        Assert.False(await Store.IsArtifactReferencedAsync(output));
        Assert.False(await Store.IsArtifactReferencedAsync(pending));
    }

    [Fact]
    public async Task Runs_can_be_listed_by_the_schedule_that_started_them()
    {
        DefinitionRecord definition = await PublishAsync();
        string schedule = NewId("nightly");
        RunRecord scheduled = Run(definition) with { ScheduleId = schedule };
        await Store.CreateRunAsync(scheduled);
        await Store.CreateRunAsync(Run(definition));

        IReadOnlyList<RunRecord> found = await Store.ListRunsAsync(new RunQuery(ScheduleId: schedule));

        Assert.Equal(scheduled, Assert.Single(found));
    }

    // ---- drafts ----

    [Fact]
    public async Task A_draft_is_saved_replaced_listed_and_deleted()
    {
        string id = NewId("draft");
        Assert.Null(await Store.GetDraftAsync(id));

        await Store.SaveDraftAsync(new DefinitionDraftRecord(id, "{\"a\":1}", T0));
        await Store.SaveDraftAsync(new DefinitionDraftRecord(id, "{not json yet", T0.AddMinutes(1)));

        Assert.Equal(new DefinitionDraftRecord(id, "{not json yet", T0.AddMinutes(1)), await Store.GetDraftAsync(id));
        Assert.Single(await Store.ListDraftsAsync(), d => d.Id == id);
        Assert.True(await Store.DeleteDraftAsync(id));
        Assert.False(await Store.DeleteDraftAsync(id));
        Assert.Null(await Store.GetDraftAsync(id));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_draft_leave_one_of_them()
    {
        string id = NewId("draft");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Store.SaveDraftAsync(new DefinitionDraftRecord(id, $"{{\"v\":{i}}}", T0)))));

        DefinitionDraftRecord? draft = await Store.GetDraftAsync(id);
        Assert.NotNull(draft);
        Assert.Matches("^\\{\"v\":[0-5]\\}$", draft.Json);
    }

    // ---- layouts ----

    [Fact]
    public async Task A_layout_that_was_never_saved_is_null()
    {
        Assert.Null(await Store.GetLayoutAsync(NewId("layout")));
    }

    [Fact]
    public async Task A_layout_is_saved_read_back_and_replaced()
    {
        string id = NewId("layout");
        var first = new DefinitionLayoutRecord(id, "{\"task\":{\"x\":1,\"y\":2}}", T0);

        await Store.SaveLayoutAsync(first);
        Assert.Equal(first, await Store.GetLayoutAsync(id));

        var second = new DefinitionLayoutRecord(id, "{\"loop/sample\":{\"x\":-3.5,\"y\":4}}", T0.AddMinutes(1));
        await Store.SaveLayoutAsync(second);

        Assert.Equal(second, await Store.GetLayoutAsync(id));
    }

    [Fact]
    public async Task A_layout_is_kept_apart_from_the_draft_of_the_same_id()
    {
        string id = NewId("layout");
        await Store.SaveDraftAsync(new DefinitionDraftRecord(id, "{\"a\":1}", T0));

        await Store.SaveLayoutAsync(new DefinitionLayoutRecord(id, "{}", T0.AddMinutes(1)));

        Assert.Equal(new DefinitionDraftRecord(id, "{\"a\":1}", T0), await Store.GetDraftAsync(id));
        Assert.Equal(new DefinitionLayoutRecord(id, "{}", T0.AddMinutes(1)), await Store.GetLayoutAsync(id));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_layout_leave_one_of_them()
    {
        string id = NewId("layout");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Store.SaveLayoutAsync(new DefinitionLayoutRecord(id, $"{{\"n\":{{\"x\":{i},\"y\":0}}}}", T0)))));

        DefinitionLayoutRecord? layout = await Store.GetLayoutAsync(id);
        Assert.NotNull(layout);
        Assert.Matches("^\\{\"n\":\\{\"x\":[0-5],\"y\":0\\}\\}$", layout.Json);
    }

    // ---- API keys ----

    [Fact]
    public async Task An_api_key_is_found_by_its_hash_until_and_after_it_is_revoked()
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NewId("secret"))));
        var key = new ApiKeyRecord(NewId("k"), "ci", "operator", hash, T0);

        await Store.CreateApiKeyAsync(key);

        Assert.Equal(key, await Store.FindApiKeyAsync(hash));
        Assert.Contains(key, await Store.ListApiKeysAsync());
        Assert.True(await Store.RevokeApiKeyAsync(key.Id, T0.AddHours(1)));
        Assert.False(await Store.RevokeApiKeyAsync(key.Id, T0.AddHours(2)));
        Assert.Equal(key with { RevokedAt = T0.AddHours(1) }, await Store.FindApiKeyAsync(hash));
        Assert.Null(await Store.FindApiKeyAsync(new string('0', 64)));
    }

    [Fact]
    public async Task Two_api_keys_cannot_share_an_id_or_a_hash()
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NewId("secret"))));
        var key = new ApiKeyRecord(NewId("k"), "ci", "viewer", hash, T0);
        await Store.CreateApiKeyAsync(key);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateApiKeyAsync(key with { Id = NewId("k") }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateApiKeyAsync(key with { Sha256 = new string('1', 64) }));
    }

    // ---- checkpoints ----

    [Fact]
    public async Task A_saved_checkpoint_comes_back_for_its_input_hash_only()
    {
        RunRecord run = await CreateRunAsync();
        NodeCheckpointRecord checkpoint = Checkpoint(run.Id, "iterations/0/train", "hash-1", step: 10);

        await Store.SaveCheckpointAsync(checkpoint);

        Assert.Equal(checkpoint, await Store.GetCheckpointAsync(run.Id, "iterations/0/train", "hash-1"));
        Assert.Null(await Store.GetCheckpointAsync(run.Id, "iterations/0/train", "hash-2"));
        Assert.Null(await Store.GetCheckpointAsync(run.Id, "iterations/1/train", "hash-1"));
    }

    [Fact]
    public async Task Saving_a_checkpoint_replaces_the_nodes_earlier_one_whatever_its_input_hash()
    {
        RunRecord run = await CreateRunAsync();
        await Store.SaveCheckpointAsync(Checkpoint(run.Id, "train", "hash-1", step: 10));
        NodeCheckpointRecord later = Checkpoint(run.Id, "train", "hash-1", step: 20);
        await Store.SaveCheckpointAsync(later);
        Assert.Equal(later, await Store.GetCheckpointAsync(run.Id, "train", "hash-1"));

        NodeCheckpointRecord otherInputs = Checkpoint(run.Id, "train", "hash-2", step: 5);
        await Store.SaveCheckpointAsync(otherInputs);

        Assert.Null(await Store.GetCheckpointAsync(run.Id, "train", "hash-1"));
        Assert.Equal(otherInputs, await Store.GetCheckpointAsync(run.Id, "train", "hash-2"));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_nodes_checkpoint_leave_exactly_one_of_them()
    {
        RunRecord run = await CreateRunAsync();
        NodeCheckpointRecord[] saves = Enumerable.Range(1, 10).Select(step => Checkpoint(run.Id, "train", "hash-1", step)).ToArray();

        await Task.WhenAll(saves.Select(save => Task.Run(() => Store.SaveCheckpointAsync(save))));

        Assert.Contains(await Store.GetCheckpointAsync(run.Id, "train", "hash-1"), saves);
    }

    // ---- journal ----

    [Fact]
    public async Task Journal_entries_get_increasing_sequences_and_come_back_oldest_first()
    {
        RunRecord run = await CreateRunAsync();
        var appended = new List<JournalEntry>();
        for (int i = 0; i < 5; i++) appended.Add(await Store.AppendJournalAsync(Entry(run.Id, $"entry {i}", i % 2 == 0 ? null : "sample")));

        Assert.All(appended, e => Assert.True(e.Sequence > 0));
        Assert.Equal(appended.Select(e => e.Sequence).Order(), appended.Select(e => e.Sequence));
        Assert.Equal(appended.Count, appended.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal(Entry(run.Id, "entry 1", "sample") with { Sequence = appended[1].Sequence }, appended[1]);
        Assert.Equal(appended, await Store.ReadJournalAsync(run.Id));
    }

    [Fact]
    public async Task The_journal_is_read_in_pages_after_a_sequence_and_per_run()
    {
        RunRecord run = await CreateRunAsync();
        RunRecord other = await CreateRunAsync();
        var appended = new List<JournalEntry>();
        for (int i = 0; i < 7; i++)
        {
            appended.Add(await Store.AppendJournalAsync(Entry(run.Id, $"entry {i}")));
            await Store.AppendJournalAsync(Entry(other.Id, $"other {i}"));
        }

        Assert.Equal(appended[..3], await Store.ReadJournalAsync(run.Id, limit: 3));
        Assert.Equal(appended[3..6], await Store.ReadJournalAsync(run.Id, appended[2].Sequence, 3));
        Assert.Equal(appended[6..], await Store.ReadJournalAsync(run.Id, appended[5].Sequence, 3));
        Assert.Empty(await Store.ReadJournalAsync(run.Id, appended[6].Sequence));
        Assert.All(await Store.ReadJournalAsync(other.Id), e => Assert.Equal(other.Id, e.RunId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadJournalAsync(run.Id, limit: 0));
    }

    // ---- unknown runs ----

    public static TheoryData<string> RunOperations() =>
    [
        "SetRunStatus", "RequestCancel", "TryAcquireLease", "ReleaseLease", "StartNode", "InterruptRunningNodes",
        "GetCommittedNode", "ListNodeExecutions", "SaveCheckpoint", "GetCheckpoint", "AppendJournal", "ReadJournal",
    ];

    [Theory]
    [MemberData(nameof(RunOperations))]
    public async Task Every_operation_on_an_unknown_run_throws_KeyNotFoundException_naming_it(string operation)
    {
        string runId = NewId("missing");
        Func<Task> call = operation switch
        {
            "SetRunStatus" => () => Store.SetRunStatusAsync(runId, RunStatus.Running, T0),
            "RequestCancel" => () => Store.RequestCancelAsync(runId),
            "TryAcquireLease" => () => Store.TryAcquireLeaseAsync(runId, "a", T0, Minute),
            "ReleaseLease" => () => Store.ReleaseLeaseAsync(runId, "a"),
            "StartNode" => () => Store.StartNodeAsync(Attempt(runId)),
            "InterruptRunningNodes" => () => Store.InterruptRunningNodesAsync(runId, "gone", T0),
            "GetCommittedNode" => () => Store.GetCommittedNodeAsync(runId, "sample"),
            "ListNodeExecutions" => () => Store.ListNodeExecutionsAsync(runId),
            "SaveCheckpoint" => () => Store.SaveCheckpointAsync(Checkpoint(runId, "train", "h", 1)),
            "GetCheckpoint" => () => Store.GetCheckpointAsync(runId, "train", "h"),
            "AppendJournal" => () => Store.AppendJournalAsync(Entry(runId, "x")),
            "ReadJournal" => () => Store.ReadJournalAsync(runId),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
        };

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(call);

        Assert.Contains(runId, error.Message);
    }
}
