using Azure.Storage.Blobs;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

/// <summary>
/// One fresh container in Azurite (or the account that PREFFLOW_TEST_AZURITE names) for a test class, deleted
/// afterwards. When the account cannot be reached every test of the class fails, saying to run scripts/azurite.sh.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The environment variable with the test account's connection string.</summary>
    public const string ConnectionStringVariable = "PREFFLOW_TEST_AZURITE";

    /// <summary>Azurite's well-known development account, as the SDK spells it.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The well-known key of Azurite's development account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured ? configured : DevelopmentStorage;

    public string ContainerName { get; } = NewContainerName();

    private BlobContainerClient? _container;

    public BlobContainerClient Client => _container ?? throw new InvalidOperationException("the fixture is not initialized.");

    public static string NewContainerName() => "prefflow-test-" + Guid.NewGuid().ToString("N")[..20];

    public static BlobClientOptions QuickOptions() => new()
    {
        Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(100), NetworkTimeout = TimeSpan.FromSeconds(20) },
    };

    public async Task InitializeAsync()
    {
        var container = new BlobContainerClient(ConnectionString, ContainerName, QuickOptions());
        await Reachable(() => container.CreateAsync());
        _container = container;
    }

    /// <summary>Runs <paramref name="call"/>, turning "no answer from the test account" into a failure that says what to do.</summary>
    public static async Task<T> Reachable<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is Azure.RequestFailedException { Status: 0 } or AggregateException or ArtifactStoreException { Status: 0 })
        {
            string endpoint = new BlobServiceClient(ConnectionString).Uri.GetLeftPart(UriPartial.Authority);
            throw new InvalidOperationException(
                $"Azurite is not reachable at {endpoint} (connection string from {ConnectionStringVariable}, default " +
                $"\"{DevelopmentStorage}\"): run scripts/azurite.sh to start it. The failure: {e.GetType().Name}.", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_container is not null) await _container.DeleteIfExistsAsync();
    }

    /// <summary>A store in the fixture's container under a prefix of its own, so each test sees an empty store.</summary>
    public AzureBlobArtifactStore NewStore(string? prefix = null) =>
        new(new AzureBlobArtifactStoreOptions
        {
            ConnectionString = ConnectionString,
            ContainerName = ContainerName,
            Prefix = prefix ?? "t" + Guid.NewGuid().ToString("N"),
            ClientOptions = QuickOptions(),
        });
}
