using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.TestSupport;

namespace PrefFlow.Workflows.Tests.Runtime;

/// <summary>
/// The engine over the server stores: PostgreSQL (a fresh database for the class) and Azurite (a fresh container for
/// the class, a prefix of its own per test). Each test makes its own runs and definitions, so sharing is safe.
/// </summary>
public sealed class PostgresAzureEngineTests(PostgresTestDatabase postgres, AzuriteTestContainer azurite)
    : EngineContract, IClassFixture<PostgresTestDatabase>, IClassFixture<AzuriteTestContainer>
{
    private readonly IArtifactStore _artifacts = azurite.NewStore();

    protected override IStateStore State => postgres.Store;

    protected override IArtifactStore Artifacts => _artifacts;
}
