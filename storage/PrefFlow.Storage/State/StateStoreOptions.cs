namespace PrefFlow.Storage.State;

/// <summary>Where a state store keeps its data; see <see cref="StateStoreFactory.OpenAsync"/>.</summary>
public sealed class StateStoreOptions
{
    /// <summary>The database kind; SQLite by default.</summary>
    public StateProvider Provider { get; init; } = StateProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string: for SQLite e.g. <c>Data Source=/var/lib/prefflow/state.db</c> (the file is
    /// created if missing); for PostgreSQL e.g. <c>Host=db;Username=prefflow;Password=…;Database=prefflow</c>
    /// (the database must exist or the role must be allowed to create it).
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// SQLite only: how long a write waits for another connection or process to release the file before it fails.
    /// </summary>
    public TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
