using Microsoft.Data.Sqlite;
using PrefFlow.Storage.State;

namespace PrefFlow.Storage.Tests.State;

/// <summary>A SQLite state store in a temporary folder of its own, shared by one test class and deleted after it.</summary>
public sealed class SqliteStateStoreFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "prefflow-state-" + Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "state.db");

    public StateStoreOptions Options => new() { Provider = StateProvider.Sqlite, ConnectionString = $"Data Source={DatabasePath}" };

    public IStateStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Store = await StateStoreFactory.OpenAsync(Options);
    }

    public Task DisposeAsync()
    {
        // Pooled connections keep the file open; let them go before deleting it.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
