using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PrefFlow.Storage.State.Ef;

namespace PrefFlow.Storage.State;

/// <summary>Opens a state store: connects, brings the schema up to date and returns the ready store.</summary>
public static class StateStoreFactory
{
    /// <summary>
    /// Opens the store that <paramref name="options"/> describe and applies any migrations it lacks (creating the
    /// SQLite file and its folder, or the tables in the PostgreSQL database, on first use). A SQLite file is switched to WAL
    /// journaling so that several processes can read while one writes. Times are stored as UTC ticks and come back
    /// in UTC with their full 100 ns precision. Safe to call from several processes at once.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or not valid, or the provider unknown.</exception>
    /// <exception cref="InvalidOperationException">The database cannot be reached or its schema cannot be brought up to date.</exception>
    public static async Task<IStateStore> OpenAsync(StateStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        Func<StateDbContext> createContext = options.Provider switch
        {
            StateProvider.Sqlite => SqliteContexts(options),
            StateProvider.Postgres => PostgresContexts(options),
            _ => throw new ArgumentException($"unknown state provider {options.Provider}", nameof(options)),
        };
        try
        {
            await using StateDbContext db = createContext();
            if (options.Provider == StateProvider.Sqlite)
            {
                CreateSqliteFolder(options.ConnectionString);
                await UseWriteAheadLogAsync(db, cancellationToken).ConfigureAwait(false);
            }
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            throw new InvalidOperationException(
                $"cannot open the state store {Describe(options)}: {exception.Message}", exception);
        }
        return new EfStateStore(createContext);
    }

    // Where the store is, for error messages: never the whole connection string, which may hold a password.
    private static string Describe(StateStoreOptions options)
    {
        if (options.Provider == StateProvider.Sqlite)
        {
            return $"in the SQLite file '{new SqliteConnectionStringBuilder(options.ConnectionString).DataSource}'";
        }
        var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"in the PostgreSQL database '{postgres.Database}' on {postgres.Host}:{postgres.Port} as '{postgres.Username}'";
    }

    private static Func<StateDbContext> SqliteContexts(StateStoreOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SqliteBusyTimeout, TimeSpan.Zero, nameof(options));
        DbContextOptions<SqliteStateDbContext> contextOptions = StateDbContextOptions.Sqlite(options.ConnectionString, options.SqliteBusyTimeout);
        return () => new SqliteStateDbContext(contextOptions);
    }

    private static Func<StateDbContext> PostgresContexts(StateStoreOptions options)
    {
        DbContextOptions<PostgresStateDbContext> contextOptions = StateDbContextOptions.Postgres(options.ConnectionString);
        return () => new PostgresStateDbContext(contextOptions);
    }

    // SQLite creates a missing file but not a missing folder; a fresh machine's state folder may not exist yet.
    private static void CreateSqliteFolder(string connectionString)
    {
        string file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file.Length == 0 || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)) return;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    // WAL is a property of the file: set once, it stays for every later connection and process.
    private static async Task UseWriteAheadLogAsync(StateDbContext db, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
