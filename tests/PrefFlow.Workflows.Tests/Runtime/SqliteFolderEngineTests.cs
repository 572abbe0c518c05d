using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;

namespace PrefFlow.Workflows.Tests.Runtime;

/// <summary>The engine over the embedded default: a SQLite file and a local artifact folder, fresh per test.</summary>
public sealed class SqliteFolderEngineTests : EngineContract, IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "prefflow-engine-" + Guid.NewGuid().ToString("N"));
    private IStateStore? _state;
    private IArtifactStore? _artifacts;

    protected override IStateStore State => _state!;

    protected override IArtifactStore Artifacts => _artifacts!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _state = await StateStoreFactory.OpenAsync(new StateStoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "state.db")}" });
        _artifacts = new LocalFolderArtifactStore(Path.Combine(_folder, "artifacts"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
