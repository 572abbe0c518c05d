using PrefFlow.Storage.State;

namespace PrefFlow.Storage.Tests.State;

public sealed class PostgresStateStoreTests(PostgresStateStoreFixture fixture) : StateStoreContract, IClassFixture<PostgresStateStoreFixture>
{
    protected override IStateStore Store => fixture.Store;

    [Fact]
    public async Task Opening_the_store_again_finds_the_schema_applied_and_the_data_there()
    {
        RunRecord run = await CreateRunAsync();

        IStateStore again = await StateStoreFactory.OpenAsync(fixture.Options);

        Assert.Equal(run, await again.GetRunAsync(run.Id));
    }
}
