using Azure.Storage.Blobs;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class ArtifactStoreFactoryTests
{
    [Fact]
    public async Task A_folder_store_is_made_in_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "prefflow-factory-" + Guid.NewGuid().ToString("N"));

        IArtifactStore store = await ArtifactStoreFactory.CreateAsync(new ArtifactStoreOptions { Kind = ArtifactStoreKind.Folder, Path = path });

        Assert.Equal(path, Assert.IsType<LocalFolderArtifactStore>(store).Root);
    }

    [Fact]
    public async Task An_azure_store_is_made_and_its_container_created()
    {
        string container = AzuriteTestContainer.NewContainerName();
        try
        {
            IArtifactStore store = await AzuriteTestContainer.Reachable(() => ArtifactStoreFactory.CreateAsync(new ArtifactStoreOptions
            {
                Kind = ArtifactStoreKind.AzureBlob,
                ConnectionString = AzuriteTestContainer.ConnectionString,
                Container = container,
                Prefix = "runs/dev",
            }));

            var azure = Assert.IsType<AzureBlobArtifactStore>(store);
            Assert.Equal(container, azure.ContainerName);
            Assert.Equal("runs/dev/", azure.Prefix);
            Assert.True(await new BlobContainerClient(AzuriteTestContainer.ConnectionString, container).ExistsAsync());
        }
        finally
        {
            await new BlobContainerClient(AzuriteTestContainer.ConnectionString, container, AzuriteTestContainer.QuickOptions()).DeleteIfExistsAsync();
        }
    }

    public static TheoryData<ArtifactStoreOptions, string, string> MissingOrInvalid => new()
    {
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.Folder }, "Path", "is required when \"Kind\" is Folder" },
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.Folder, Path = "  " }, "Path", "is required" },
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.AzureBlob, Container = "abc" }, "ConnectionString", "is required when \"Kind\" is AzureBlob" },
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.AzureBlob, ConnectionString = "UseDevelopmentStorage=true" }, "Container", "is required" },
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.AzureBlob, ConnectionString = "UseDevelopmentStorage=true", Container = "Bad_Name" }, "Container", "is not valid" },
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.AzureBlob, ConnectionString = "UseDevelopmentStorage=true", Container = "abc", Prefix = "../up" }, "Prefix", "is not valid" },
        { new ArtifactStoreOptions { Kind = ArtifactStoreKind.AzureBlob, ConnectionString = "AccountKey=c2VjcmV0;junk", Container = "abc" }, "ConnectionString", "is not valid" },
        { new ArtifactStoreOptions { Kind = (ArtifactStoreKind)7, Path = "x" }, "Kind", "is 7, which is not a kind of store: expected Folder or AzureBlob" },
    };

    [Theory]
    [MemberData(nameof(MissingOrInvalid))]
    public async Task A_missing_or_invalid_option_is_named(ArtifactStoreOptions options, string option, string why)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ArtifactStoreFactory.CreateAsync(options));

        Assert.Contains($"the artifact store option \"{option}\" {why}", e.Message);
        Assert.DoesNotContain("c2VjcmV0", e.ToString());
    }

    [Fact]
    public async Task Null_options_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => ArtifactStoreFactory.CreateAsync(null!));
    }

    [Fact]
    public void Options_never_show_the_connection_string()
    {
        const string key = "c2VjcmV0LWtleQ==";
        var options = new ArtifactStoreOptions { Kind = ArtifactStoreKind.AzureBlob, ConnectionString = $"AccountKey={key}", Container = "abc" };

        Assert.DoesNotContain(key, options.ToString());
        Assert.Contains("abc", options.ToString());
        Assert.DoesNotContain(key, new AzureBlobArtifactStoreOptions { ConnectionString = $"AccountKey={key}" }.ToString());
    }
}
