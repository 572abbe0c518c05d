namespace PrefFlow.Storage.State;

/// <summary>The database behind a state store.</summary>
public enum StateProvider
{
    /// <summary>A SQLite file: the embedded default, shared by the processes of one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by the hosts of a cluster.</summary>
    Postgres,
}
