using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Hosting;

/// <summary>
/// Which stores the CLI opens. The embedded default needs nothing: SQLite at DATA/state.db and artifacts under
/// DATA/artifacts. Production stores come from the environment:
/// PREFFLOW_STATE_STORE=postgres with PREFFLOW_POSTGRES (a connection string), and
/// PREFFLOW_ARTIFACT_STORE=azure with PREFFLOW_AZURE_BLOB (a connection string) and PREFFLOW_AZURE_CONTAINER.
/// </summary>
internal static class StoreSettings
{
    public static StateStoreOptions State(string dataFolder) => Variable("PREFFLOW_STATE_STORE", "sqlite") switch
    {
        "sqlite" => new StateStoreOptions { Provider = StateProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(dataFolder, "state.db")}" },
        "postgres" => new StateStoreOptions
        {
            Provider = StateProvider.Postgres,
            ConnectionString = Environment.GetEnvironmentVariable("PREFFLOW_POSTGRES") is { Length: > 0 } connection
                ? connection
                : throw new ArgumentException("PREFFLOW_STATE_STORE is postgres, so PREFFLOW_POSTGRES must hold a connection string, but it is not set."),
        },
        var other => throw new ArgumentException($"PREFFLOW_STATE_STORE is '{other}': expected sqlite (the default) or postgres."),
    };

    public static ArtifactStoreOptions Artifacts(string dataFolder) => Variable("PREFFLOW_ARTIFACT_STORE", "folder") switch
    {
        "folder" => new ArtifactStoreOptions { Kind = ArtifactStoreKind.Folder, Path = Path.Combine(dataFolder, "artifacts") },
        "azure" => new ArtifactStoreOptions
        {
            Kind = ArtifactStoreKind.AzureBlob,
            ConnectionString = Environment.GetEnvironmentVariable("PREFFLOW_AZURE_BLOB"),
            Container = Environment.GetEnvironmentVariable("PREFFLOW_AZURE_CONTAINER") ?? "prefflow",
        },
        var other => throw new ArgumentException($"PREFFLOW_ARTIFACT_STORE is '{other}': expected folder (the default) or azure."),
    };

    private static string Variable(string name, string fallback) =>
        (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback).Trim().ToLowerInvariant();
}
