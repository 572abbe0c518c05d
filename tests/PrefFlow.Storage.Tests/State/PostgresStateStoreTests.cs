using Npgsql;
using PrefFlow.Storage.State;

namespace PrefFlow.Storage.Tests.State;

public sealed class PostgresStateStoreTests(PostgresTestDatabase fixture) : StateStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override IStateStore Store => fixture.Store;

    [Fact]
    public async Task Opening_the_store_again_finds_the_schema_applied_and_the_data_there()
    {
        RunRecord run = await CreateRunAsync();

        IStateStore again = await StateStoreFactory.OpenAsync(fixture.Options);

        Assert.Equal(run, await again.GetRunAsync(run.Id));
    }

    [Fact]
    public async Task A_failure_to_open_names_the_server_and_never_the_password()
    {
        const string password = "not-the-password-7f3a";
        string connectionString = new NpgsqlConnectionStringBuilder(fixture.Options.ConnectionString) { Password = password }.ConnectionString;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StateStoreFactory.OpenAsync(new StateStoreOptions { Provider = StateProvider.Postgres, ConnectionString = connectionString }));

        Assert.Contains("PostgreSQL", error.Message);
        Assert.DoesNotContain(password, error.ToString());
    }
}
