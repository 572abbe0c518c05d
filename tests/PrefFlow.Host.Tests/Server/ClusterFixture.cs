using PrefFlow.TestSupport;

namespace PrefFlow.Host.Tests.Server;

/// <summary>
/// The production stores for a test class: a PostgreSQL database of its own (state and Quartz's clustered job store)
/// and an Azurite container (artifacts), with the environment that points hosts and CLI processes at them.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private readonly AzuriteTestContainer _blobs = new();

    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _blobs.InitializeAsync();
        Environment = new Dictionary<string, string>
        {
            ["PREFFLOW_STATE_STORE"] = "postgres",
            ["PREFFLOW_POSTGRES"] = _database.ConnectionString,
            ["PREFFLOW_ARTIFACT_STORE"] = "azure",
            ["PREFFLOW_AZURE_BLOB"] = AzuriteTestContainer.ConnectionString,
            ["PREFFLOW_AZURE_CONTAINER"] = _blobs.ContainerName,
            ["PREFFLOW_CLUSTER"] = "1",
            ["PREFFLOW_CLUSTER_CHECKIN_SECONDS"] = "2",
            ["PREFFLOW_MAX_RUNS"] = "2",
        };
    }

    public async Task DisposeAsync()
    {
        await _blobs.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A new data folder (each host keeps its scratch files apart).</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "prefflow-cluster-" + Guid.NewGuid().ToString("N"));
}
