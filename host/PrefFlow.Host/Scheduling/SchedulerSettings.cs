namespace PrefFlow.Host.Scheduling;

/// <summary>
/// How the Quartz schedulers (of runs, and a server's of schedule ticks) are set up. The store follows the state
/// store: SQLite at DATA/scheduler.db by default, the state store's PostgreSQL database when
/// PREFFLOW_STATE_STORE=postgres (Quartz's qrtz_ tables beside the state tables); either way the tables are created
/// when missing.
/// PREFFLOW_CLUSTER=1 turns on Quartz clustering (PostgreSQL only), for several hosts sharing one database (Step 4).
/// Unclustered, Quartz assumes it is the store's only scheduler; clustered, nodes check in, and a node that stops
/// checking in has its runs recovered by another.
/// Recovery: a run's job asks for recovery, so a process killed while executing it leaves it stored. A CLI process
/// (<see cref="ExecutesRecoveredWork"/> off) fires only the triggers it scheduled itself (an execution group of its
/// own), so 'prefflow run X' never starts resuming a crashed run Y; Y's job waits for 'prefflow resume Y' (which
/// replaces it) or, once another CLI process set it aside in the parked group, for a server
/// (<see cref="ExecutesRecoveredWork"/> on), which serves its own group and the parked one.
/// </summary>
internal sealed record SchedulerSettings
{
    /// <summary>The execution group of recovered runs that a CLI process set aside: only a server serves it.</summary>
    public const string ParkedGroup = "prefflow-parked";

    /// <summary>The execution group of runs submitted to a server, and of the servers' own process.</summary>
    public const string ServerGroup = "prefflow-server";

    public required SchedulerStore Store { get; init; }

    public required string ConnectionString { get; init; }

    /// <summary>Quartz clustering (check-ins, recovery of a dead node's runs by another node).</summary>
    public bool Clustered { get; init; }

    /// <summary>
    /// Whether this process executes runs it did not ask for: recovered after a crash, or parked by a CLI process.
    /// Off in the CLI, which executes only the run it was given; on in a server (Step 4).
    /// </summary>
    public bool ExecutesRecoveredWork { get; init; }

    /// <summary>How often a clustered node checks in; a node silent for longer is taken for dead and its work recovered.</summary>
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Runs executing at once in this process.</summary>
    public int MaxConcurrency { get; init; } = 4;

    public static SchedulerSettings ForCli(string dataFolder) => From(dataFolder, Environment.GetEnvironmentVariable);

    /// <summary>The scheduler that the settings <paramref name="setting"/> gives (environment, or a server's configuration) describe.</summary>
    public static SchedulerSettings From(string dataFolder, Func<string, string?> setting)
    {
        bool postgres = string.Equals(setting("PREFFLOW_STATE_STORE")?.Trim(), "postgres", StringComparison.OrdinalIgnoreCase);
        bool clustered = setting("PREFFLOW_CLUSTER")?.Trim() is "1" or "true";
        // Quartz refuses to cluster over SQLite (its file locks cannot serialize several hosts); say so before any work.
        if (clustered && !postgres) throw new ArgumentException("PREFFLOW_CLUSTER needs PREFFLOW_STATE_STORE=postgres: Quartz does not cluster over SQLite.");
        return new SchedulerSettings
        {
            Store = postgres ? SchedulerStore.Postgres : SchedulerStore.Sqlite,
            ConnectionString = postgres
                ? setting("PREFFLOW_POSTGRES") is { Length: > 0 } connection
                    ? connection
                    : throw new ArgumentException("PREFFLOW_STATE_STORE is postgres, so PREFFLOW_POSTGRES must hold a connection string, but it is not set.")
                : $"Data Source={Path.Combine(dataFolder, "scheduler.db")}",
            Clustered = clustered,
        };
    }
}
