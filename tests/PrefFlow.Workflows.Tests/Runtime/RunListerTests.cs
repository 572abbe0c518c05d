using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Workflows.Tests.Runtime;

/// <summary>Runs listed by status are filtered by the status they read as, on a real SQLite store.</summary>
public sealed class RunListerTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "prefflow-lister-" + Guid.NewGuid().ToString("N"));
    private IStateStore _state = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _state = await StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "state.db")}" });
        await _state.PublishDefinitionAsync(new DefinitionRecord("d", 1, "d", "{}", DefinitionRecord.HashOf("{}"), Now));
        // Oldest first: a live running run, one whose process died, one whose lease lapsed, a stored interrupted one,
        // a succeeded one, and another live one.
        await AddAsync("live-old", RunStatus.Running, RunOwner.New(), Now.AddMinutes(1), minutesAgo: 60);
        await AddAsync("dead", RunStatus.Running, $"{Environment.MachineName}:{int.MaxValue}:deadbeef", Now.AddMinutes(1), minutesAgo: 50);
        await AddAsync("lapsed", RunStatus.Running, RunOwner.New(), Now.AddMinutes(-1), minutesAgo: 40);
        await AddAsync("stored", RunStatus.Interrupted, null, null, minutesAgo: 30);
        await AddAsync("done", RunStatus.Succeeded, null, null, minutesAgo: 20);
        await AddAsync("live-new", RunStatus.Running, RunOwner.New(), Now.AddMinutes(1), minutesAgo: 10);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Running_finds_only_runs_a_live_process_executes()
    {
        Assert.Equal(["live-new", "live-old"], await IdsAsync(new RunQuery(Status: RunStatus.Running)));
    }

    [Fact]
    public async Task Interrupted_finds_stored_interrupted_runs_and_running_runs_no_live_process_executes_newest_first()
    {
        Assert.Equal(["stored", "lapsed", "dead"], await IdsAsync(new RunQuery(Status: RunStatus.Interrupted)));
    }

    [Fact]
    public async Task Pages_of_the_effective_filter_follow_each_other()
    {
        Assert.Equal(["stored"], await IdsAsync(new RunQuery(Status: RunStatus.Interrupted, Take: 1)));
        Assert.Equal(["lapsed", "dead"], await IdsAsync(new RunQuery(Status: RunStatus.Interrupted, Skip: 1, Take: 5)));
        Assert.Equal(["live-old"], await IdsAsync(new RunQuery(Status: RunStatus.Running, Skip: 1, Take: 1)));
    }

    [Fact]
    public async Task Other_filters_are_the_stores_own()
    {
        Assert.Equal(["done"], await IdsAsync(new RunQuery(Status: RunStatus.Succeeded)));
        Assert.Equal(["live-new", "done", "stored", "lapsed", "dead", "live-old"], await IdsAsync(new RunQuery()));
        Assert.Empty(await IdsAsync(new RunQuery(DefinitionId: "other", Status: RunStatus.Interrupted)));
    }

    private async Task<string[]> IdsAsync(RunQuery query) => [.. (await RunLister.ListAsync(_state, query, Now)).Select(run => run.Id)];

    private Task AddAsync(string id, RunStatus status, string? owner, DateTimeOffset? leaseExpiresAt, int minutesAgo) =>
        _state.CreateRunAsync(new RunRecord(id, "d", 1, DefinitionRecord.HashOf("{}"), "{}", 1, status, Now.AddMinutes(-minutesAgo), LeaseOwner: owner, LeaseExpiresAt: leaseExpiresAt));
}
