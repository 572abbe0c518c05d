using Microsoft.Data.Sqlite;
using PrefFlow.Storage.State;

namespace PrefFlow.Storage.Tests.State;

public sealed class SqliteStateStoreTests(SqliteStateStoreFixture fixture) : StateStoreContract, IClassFixture<SqliteStateStoreFixture>
{
    protected override IStateStore Store => fixture.Store;

    [Fact]
    public async Task The_file_uses_write_ahead_logging_so_readers_and_a_writer_of_other_processes_do_not_block_each_other()
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Opening_a_store_in_a_missing_folder_creates_the_folder_and_the_file()
    {
        string path = Path.Combine(Path.GetDirectoryName(fixture.DatabasePath)!, "new", "deeper", "state.db");

        IStateStore store = await StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={path}" });

        Assert.True(File.Exists(path));
        Assert.Empty(await store.ListRunsAsync(new RunQuery()));
    }

    [Fact]
    public async Task Stores_opened_at_once_on_a_new_file_all_open_and_share_one_schema()
    {
        var options = new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(Path.GetDirectoryName(fixture.DatabasePath)!, "racing.db")}" };

        IStateStore[] stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StateStoreFactory.OpenAsync(options))));
        DefinitionRecord definition = await stores[0].PublishDefinitionAsync(Definition(NewId("def")));

        foreach (IStateStore store in stores) Assert.Equal(definition, await store.GetDefinitionAsync(definition.Id, 1));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_reported_with_its_path()
    {
        string path = Path.Combine(Path.GetDirectoryName(fixture.DatabasePath)!, "not-a-database.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={path}" }));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task Two_stores_on_one_file_see_each_others_writes_as_two_processes_would()
    {
        IStateStore other = await StateStoreFactory.OpenAsync(fixture.Options);
        RunRecord run = await CreateRunAsync();

        Assert.Equal(run, await other.GetRunAsync(run.Id));
        Assert.True(await other.RequestCancelAsync(run.Id));
        Assert.True((await GetRunAsync(run.Id)).CancelRequested);
        JournalEntry entry = await other.AppendJournalAsync(Entry(run.Id, "from the other process"));
        Assert.Equal([entry], await Store.ReadJournalAsync(run.Id));
    }

    [Fact]
    public async Task Of_concurrent_lease_callers_spread_over_two_stores_on_one_file_exactly_one_wins()
    {
        IStateStore other = await StateStoreFactory.OpenAsync(fixture.Options);
        RunRecord run = await CreateRunAsync();
        using var start = new ManualResetEventSlim();

        Task<bool>[] attempts = Enumerable.Range(0, 24)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                IStateStore store = i % 2 == 0 ? Store : other;
                return await store.TryAcquireLeaseAsync(run.Id, $"host:{i}", T0, TimeSpan.FromMinutes(1));
            }))
            .ToArray();
        start.Set();
        bool[] won = await Task.WhenAll(attempts);

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal($"host:{Array.IndexOf(won, true)}", (await other.GetRunAsync(run.Id))?.LeaseOwner);
    }
}
