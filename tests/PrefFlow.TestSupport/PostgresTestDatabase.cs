using Npgsql;
using PrefFlow.Storage.State;
using Xunit;

namespace PrefFlow.TestSupport;

/// <summary>
/// A new PostgreSQL database of its own with the state store opened in it, for one test class (as a class fixture)
/// and dropped after it. The server is named by the environment variable PREFFLOW_TEST_POSTGRES (a connection string
/// whose role may create databases), by default the one scripts/postgres.sh sets up. An unreachable server fails the
/// tests with a message that names the server and never the password: they need it.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string EnvironmentVariable = "PREFFLOW_TEST_POSTGRES";

    /// <summary>The server that scripts/postgres.sh starts, used when the environment variable is not set.</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=prefflow;Password=prefflow;Database=postgres";

    private readonly NpgsqlConnectionStringBuilder _server = new(ServerConnectionString);

    private bool _created;

    private IStateStore? _store;

    /// <summary>The connection string of the server (its maintenance database), from the environment or the default.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>The name of this fixture's database, unique to it.</summary>
    public string DatabaseName { get; } = "prefflow_test_" + Guid.NewGuid().ToString("N");

    /// <summary>The connection string of this fixture's database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = DatabaseName }.ConnectionString;

    /// <summary>Options that open a PostgreSQL state store in this fixture's database.</summary>
    public StateStoreOptions Options => new() { Provider = StateProvider.Postgres, ConnectionString = ConnectionString };

    /// <summary>The state store opened (schema applied) in this fixture's database.</summary>
    public IStateStore Store => _store ?? throw new InvalidOperationException("the PostgreSQL test database is not initialized.");

    /// <summary>Creates the database and opens the state store in it.</summary>
    public async Task InitializeAsync()
    {
        await using (NpgsqlConnection connection = await ConnectToServerAsync())
        await using (NpgsqlCommand create = new($"CREATE DATABASE \"{DatabaseName}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        _created = true;
        _store = await StateStoreFactory.OpenAsync(Options);
    }

    /// <summary>Drops the database, closing whatever connections are still open to it.</summary>
    public async Task DisposeAsync()
    {
        if (!_created) return;
        NpgsqlConnection.ClearAllPools();
        await using NpgsqlConnection connection = await ConnectToServerAsync();
        await using NpgsqlCommand drop = new($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> ConnectToServerAsync()
    {
        var connection = new NpgsqlConnection(_server.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            // Names the server but never the password.
            throw new InvalidOperationException(
                $"the PostgreSQL tests need a server: none answered at {_server.Host}:{_server.Port} as role '{_server.Username}' " +
                $"(database '{_server.Database}'): run scripts/postgres.sh, or set {EnvironmentVariable} to a connection string " +
                $"whose role may create databases ({exception.GetType().Name}: {exception.Message})", exception);
        }
    }
}
