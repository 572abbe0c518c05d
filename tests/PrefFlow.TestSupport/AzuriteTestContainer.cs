using Azure.Storage.Blobs;
using PrefFlow.Storage.Artifacts;
using Xunit;

namespace PrefFlow.TestSupport;

/// <summary>
/// One fresh blob container in Azurite (or the account that PREFFLOW_TEST_AZURITE names) for one test class (as a
/// class fixture), deleted afterwards. When the account cannot be reached every test of the class fails, saying to
/// run scripts/azurite.sh.
/// </summary>
public sealed class AzuriteTestContainer : IAsyncLifetime
{
    /// <summary>The environment variable with the test account's connection string.</summary>
    public const string ConnectionStringVariable = "PREFFLOW_TEST_AZURITE";

    /// <summary>Azurite's well-known development account, as the SDK spells it.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The well-known key of Azurite's development account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private BlobContainerClient? _container;

    /// <summary>The test account's connection string: from the environment, else Azurite's development account.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured ? configured : DevelopmentStorage;

    /// <summary>The name of this fixture's container, unique to it.</summary>
    public string ContainerName { get; } = NewContainerName();

    /// <summary>A client for this fixture's container, once created.</summary>
    public BlobContainerClient Client => _container ?? throw new InvalidOperationException("the Azurite test container is not initialized.");

    /// <summary>A new, unique, valid container name.</summary>
    public static string NewContainerName() => "prefflow-test-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>Client options that give up quickly, so an unreachable account fails fast.</summary>
    public static BlobClientOptions QuickOptions() => new()
    {
        Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(100), NetworkTimeout = TimeSpan.FromSeconds(20) },
    };

    /// <summary>Creates the container.</summary>
    public async Task InitializeAsync()
    {
        var container = new BlobContainerClient(ConnectionString, ContainerName, QuickOptions());
        await Reachable(() => container.CreateAsync());
        _container = container;
    }

    /// <summary>Deletes the container and all in it.</summary>
    public async Task DisposeAsync()
    {
        if (_container is not null) await _container.DeleteIfExistsAsync();
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

    /// <summary>A store in this fixture's container under a prefix of its own (a new one unless given), so it starts empty.</summary>
    public AzureBlobArtifactStore NewStore(string? prefix = null) =>
        new(new AzureBlobArtifactStoreOptions
        {
            ConnectionString = ConnectionString,
            ContainerName = ContainerName,
            Prefix = prefix ?? "t" + Guid.NewGuid().ToString("N"),
            ClientOptions = QuickOptions(),
        });
}
