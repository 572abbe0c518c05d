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
    public static StateStoreOptions State(string dataFolder) => State(dataFolder, Environment.GetEnvironmentVariable);

    public static ArtifactStoreOptions Artifacts(string dataFolder) => Artifacts(dataFolder, Environment.GetEnvironmentVariable);

    /// <summary>The state store that the settings <paramref name="setting"/> gives (environment, or a server's configuration) describe.</summary>
    public static StateStoreOptions State(string dataFolder, Func<string, string?> setting) => Variable(setting, "PREFFLOW_STATE_STORE", "sqlite") switch
    {
        "sqlite" => new StateStoreOptions { Provider = StateProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(dataFolder, "state.db")}" },
        "postgres" => new StateStoreOptions
        {
            Provider = StateProvider.Postgres,
            ConnectionString = setting("PREFFLOW_POSTGRES") is { Length: > 0 } connection
                ? connection
                : throw new ArgumentException("PREFFLOW_STATE_STORE is postgres, so PREFFLOW_POSTGRES must hold a connection string, but it is not set."),
        },
        var other => throw new ArgumentException($"PREFFLOW_STATE_STORE is '{other}': expected sqlite (the default) or postgres."),
    };

    /// <summary>The artifact store that the settings <paramref name="setting"/> gives describe.</summary>
    public static ArtifactStoreOptions Artifacts(string dataFolder, Func<string, string?> setting) => Variable(setting, "PREFFLOW_ARTIFACT_STORE", "folder") switch
    {
        "folder" => new ArtifactStoreOptions { Kind = ArtifactStoreKind.Folder, Path = Path.Combine(dataFolder, "artifacts") },
        "azure" => new ArtifactStoreOptions
        {
            Kind = ArtifactStoreKind.AzureBlob,
            ConnectionString = setting("PREFFLOW_AZURE_BLOB"),
            Container = setting("PREFFLOW_AZURE_CONTAINER") ?? "prefflow",
        },
        var other => throw new ArgumentException($"PREFFLOW_ARTIFACT_STORE is '{other}': expected folder (the default) or azure."),
    };

    private static string Variable(Func<string, string?> setting, string name, string fallback) =>
        (setting(name) is { Length: > 0 } value ? value : fallback).Trim().ToLowerInvariant();
}
