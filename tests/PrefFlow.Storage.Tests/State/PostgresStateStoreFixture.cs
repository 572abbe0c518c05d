using Npgsql;
using PrefFlow.Storage.State;

namespace PrefFlow.Storage.Tests.State;

/// <summary>
/// A PostgreSQL state store in a new database of its own, shared by one test class and dropped after it. The server
/// is named by the environment variable PREFFLOW_TEST_POSTGRES (a connection string whose role may create
/// databases), by default the one scripts/postgres.sh sets up. An unreachable server fails the tests: they need it.
/// </summary>
public sealed class PostgresStateStoreFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "PREFFLOW_TEST_POSTGRES";

    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=prefflow;Password=prefflow;Database=postgres";

    private readonly string _database = "prefflow_test_" + Guid.NewGuid().ToString("N");

    private readonly NpgsqlConnectionStringBuilder _server = new(
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString);

    public StateStoreOptions Options => new()
    {
        Provider = StateProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = _database }.ConnectionString,
    };

    public IStateStore Store { get; private set; } = null!;

    private bool _created;

    public async Task InitializeAsync()
    {
        await using NpgsqlConnection connection = await ConnectToServerAsync();
        await using (NpgsqlCommand create = new($"CREATE DATABASE \"{_database}\"", connection)) await create.ExecuteNonQueryAsync();
        _created = true;
        Store = await StateStoreFactory.OpenAsync(Options);
    }

    public async Task DisposeAsync()
    {
        if (!_created) return;
        NpgsqlConnection.ClearAllPools();
        await using NpgsqlConnection connection = await ConnectToServerAsync();
        await using NpgsqlCommand drop = new($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
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
