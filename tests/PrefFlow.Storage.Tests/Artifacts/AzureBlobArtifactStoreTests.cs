using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class AzureBlobArtifactStoreTests(AzuriteTestContainer azurite) : ArtifactStoreContract, IClassFixture<AzuriteTestContainer>
{
    private AzureBlobArtifactStore Azure => (AzureBlobArtifactStore)Store;

    protected override IArtifactStore CreateStore() => azurite.NewStore();

    protected override async Task TamperAsync(string sha256, Func<byte[], byte[]> tamper)
    {
        BlobClient blob = Azure.BlobFor(sha256);
        BlobDownloadResult old = (await blob.DownloadContentAsync()).Value;
        await blob.UploadAsync(new BinaryData(tamper(old.Content.ToArray())), overwrite: true);
    }

    protected override async Task RemoveBehindTheStoreAsync(string sha256) => await Azure.BlobFor(sha256).DeleteAsync();

    private BlobContainerClient Container => azurite.Client;

    [Fact]
    public async Task A_blob_is_named_by_its_hash_under_the_prefix_with_its_media_type_and_hash()
    {
        ArtifactRef reference = await PutAsync(Encoding.UTF8.GetBytes("hello"), "text/plain");

        const string hash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
        Assert.Equal(hash, reference.Sha256);
        BlobItem item = Assert.Single(await ItemsAsync(Azure.Prefix));
        Assert.Equal($"{Azure.Prefix}sha256/2c/f2/{hash}", item.Name);
        BlobProperties properties = (await Container.GetBlobClient(item.Name).GetPropertiesAsync()).Value;
        Assert.Equal("text/plain", properties.ContentType);
        Assert.Equal(hash, properties.Metadata[AzureBlobArtifactStore.HashMetadataKey]);
        Assert.Equal("hello", (await Container.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Putting_intact_content_again_does_not_rewrite_the_blob()
    {
        byte[] content = RandomBytes(10_000, seed: 1);
        ArtifactRef reference = await PutAsync(content);
        ETag before = (await Azure.BlobFor(reference.Sha256).GetPropertiesAsync()).Value.ETag;

        await PutAsync(content, "text/plain");

        BlobProperties after = (await Azure.BlobFor(reference.Sha256).GetPropertiesAsync()).Value;
        Assert.Equal(before, after.ETag);
        Assert.Equal(Binary, after.ContentType);
    }

    [Fact]
    public async Task A_blob_altered_through_the_sdk_with_the_same_length_is_caught_on_read_verify_and_put()
    {
        byte[] content = RandomBytes(50_000, seed: 2);
        ArtifactRef reference = await PutAsync(content);
        // Another writer replaces the content and keeps the length and even the hash metadata.
        byte[] other = RandomBytes(50_000, seed: 3);
        await Azure.BlobFor(reference.Sha256).UploadAsync(new BinaryData(other), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["sha256"] = reference.Sha256 },
        });

        Assert.True(await Store.ExistsAsync(reference));
        var read = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => ReadAllAsync(reference));
        var verify = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.VerifyAsync(reference));
        Assert.Equal(ArtifactCorruption.WrongHash, read.Corruption);
        Assert.Equal(ArtifactCorruption.WrongHash, verify.Corruption);
        Assert.Contains(Sha256Of(other), read.Message);

        await PutAsync(content);
        await Store.VerifyAsync(reference);
    }

    [Fact]
    public async Task A_truncated_blob_is_caught_when_opened_before_any_byte_is_read()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(1_000, seed: 4));
        await TamperAsync(reference.Sha256, bytes => bytes[..10]);

        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.OpenReadAsync(reference));

        Assert.Equal(ArtifactCorruption.Truncated, e.Corruption);
        Assert.Contains("10 bytes", e.Message);
        Assert.False(await Store.ExistsAsync(reference));
        Assert.Equal([reference with { Length = 10 }], await ListAsync());
    }

    [Fact]
    public async Task Blobs_that_are_not_content_blobs_are_not_listed()
    {
        ArtifactRef kept = await PutAsync(RandomBytes(10, seed: 5));
        string other = Sha256Of([9]);
        string prefix = Azure.Prefix;
        foreach (string name in new[]
        {
            $"{prefix}sha256/zz/zz/{other}",
            $"{prefix}sha256/00/00/{other}",
            $"{prefix}sha256/{other[..2]}/{other}",
            $"{prefix}sha256/{other[..2]}/{other[2..4]}/{other}.bak",
            $"{prefix}sha256/{other[..2]}/{other[2..4]}/{other.ToUpperInvariant()}",
            $"{prefix}README",
            $"{prefix}{other}",
            $"elsewhere/sha256/{other[..2]}/{other[2..4]}/{other}",
        })
        {
            await Container.GetBlobClient(name).UploadAsync(new BinaryData("not a content blob"));
        }

        Assert.Equal([kept], await ListAsync());
        Assert.False(await Store.ExistsAsync(other));
    }

    [Fact]
    public async Task Staged_blocks_that_were_never_committed_are_invisible()
    {
        // What a crash in the middle of a large put leaves: uncommitted blocks under the final name.
        byte[] content = RandomBytes(1000, seed: 6);
        string sha256 = Sha256Of(content);
        var reference = new ArtifactRef(sha256, content.Length, Binary);
        BlockBlobClient blocks = Container.GetBlockBlobClient(Azure.BlobFor(sha256).Name);
        await blocks.StageBlockAsync(Convert.ToBase64String(new byte[16]), new MemoryStream(content));

        Assert.Empty(await ListAsync());
        Assert.False(await Store.ExistsAsync(sha256));
        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.OpenReadAsync(reference));
        Assert.Equal(ArtifactCorruption.Missing, e.Corruption);

        Assert.Equal(reference, await PutAsync(content));
        Assert.Equal([reference], await ListAsync());
    }

    [Fact]
    public async Task An_upload_cancelled_between_staged_blocks_leaves_nothing_listed()
    {
        using var cancellation = new CancellationTokenSource();
        var options = StagedOptions();
        options.AddPolicy(new CancelOnBlock(cancellation, afterBlocks: 3), HttpPipelinePosition.PerCall);
        AzureBlobArtifactStore store = NewStagedStore(options);
        byte[] content = RandomBytes(1024 * 1024, seed: 7);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync(new MemoryStream(content), Binary, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.Empty(await ListAsync(store));
        Assert.False(await store.ExistsAsync(Sha256Of(content)));
        Assert.DoesNotContain(await ItemsAsync(store.Prefix), item => item.Name.Contains(Sha256Of(content)));
    }

    [Fact]
    public async Task Two_concurrent_staged_puts_of_the_same_content_both_succeed_with_one_blob()
    {
        AzureBlobArtifactStore store = NewStagedStore(StagedOptions());
        byte[] content = RandomBytes(1024 * 1024, seed: 8);

        ArtifactRef[] references = await Task.WhenAll(
            Task.Run(() => store.PutAsync(new MemoryStream(content), Binary)),
            Task.Run(() => store.PutAsync(new MemoryStream(content), "application/x-other")));

        Assert.Equal(references[0].Sha256, references[1].Sha256);
        ArtifactRef listed = Assert.Single(await ListAsync(store));
        Assert.Equal(content.Length, listed.Length);
        await store.VerifyAsync(listed);
        Assert.Single(await ItemsAsync(store.Prefix));
    }

    [Fact]
    public async Task Puts_leave_no_temporary_files()
    {
        string folder = Path.Combine(Path.GetTempPath(), "prefflow-azure-tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new AzureBlobArtifactStore(azurite.Client, Azure.Prefix, folder);
            await store.PutAsync(new MemoryStream(RandomBytes(1000, seed: 11)), Binary);
            await store.PutAsync(new MemoryStream(RandomBytes(1000, seed: 11)), Binary);
            using var cancellation = new CancellationTokenSource();
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => store.PutAsync(new MemoryStream(RandomBytes(10, seed: 12)), Binary, cancellation.Token));

            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Stores_with_different_prefixes_in_one_container_do_not_see_each_other()
    {
        ArtifactRef mine = await PutAsync(RandomBytes(10, seed: 9));
        AzureBlobArtifactStore other = azurite.NewStore(prefix: Azure.Prefix + "nested/");

        Assert.Empty(await ListAsync(other));
        Assert.False(await other.ExistsAsync(mine.Sha256));
        await other.PutAsync(new MemoryStream(RandomBytes(10, seed: 10)), Binary);
        Assert.Equal([mine], await ListAsync());
    }

    [Fact]
    public async Task A_store_whose_container_does_not_exist_yet_is_empty_and_its_first_put_creates_it()
    {
        var container = new BlobContainerClient(AzuriteTestContainer.ConnectionString, AzuriteTestContainer.NewContainerName(), AzuriteTestContainer.QuickOptions());
        try
        {
            var store = new AzureBlobArtifactStore(container);
            var reference = new ArtifactRef(Sha256Of([1]), 1, Binary);

            Assert.Empty(await ListAsync(store));
            Assert.False(await store.ExistsAsync(reference));
            await store.DeleteAsync(reference.Sha256);
            var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => store.VerifyAsync(reference));
            Assert.Equal(ArtifactCorruption.Missing, e.Corruption);
            Assert.False(await container.ExistsAsync());

            Assert.Equal(reference, await store.PutAsync(new MemoryStream([1]), Binary));
            Assert.True(await container.ExistsAsync());
            await store.VerifyAsync(reference);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task A_wrong_account_key_fails_as_permanent_without_showing_the_key()
    {
        string key = Convert.ToBase64String(Encoding.ASCII.GetBytes("not-the-azurite-key-but-a-secret-one-123456789"));
        var store = new AzureBlobArtifactStore(new AzureBlobArtifactStoreOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};" +
                $"BlobEndpoint={Container.Uri.GetLeftPart(UriPartial.Authority)}/devstoreaccount1;",
            ContainerName = azurite.ContainerName,
            ClientOptions = AzuriteTestContainer.QuickOptions(),
        });

        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync(new MemoryStream([1, 2]), Binary));

        Assert.False(e.IsTransient);
        Assert.Equal(403, e.Status);
        Assert.Contains(azurite.ContainerName, e.Message);
        AssertNoSecret(e, key);
    }

    [Fact]
    public async Task An_unreachable_service_fails_as_transient_without_showing_the_key()
    {
        const string key = AzuriteTestContainer.DevelopmentAccountKey;
        var store = new AzureBlobArtifactStore(new AzureBlobArtifactStoreOptions
        {
            // Port 9 (discard) on the loopback: nothing listens, the connection is refused.
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
            ContainerName = "unreachable",
            ClientOptions = new BlobClientOptions { Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10) } },
        });
        var reference = new ArtifactRef(Sha256Of([1]), 1, Binary);

        var put = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.PutAsync(new MemoryStream([1]), Binary));
        var read = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.OpenReadAsync(reference));
        var list = await Assert.ThrowsAsync<ArtifactStoreException>(() => ListAsync(store));

        foreach (ArtifactStoreException e in new[] { put, read, list })
        {
            Assert.True(e.IsTransient, e.Message);
            Assert.Equal(0, e.Status);
            Assert.Contains("127.0.0.1:9", e.Message);
            AssertNoSecret(e, key);
        }
    }

    [Fact]
    public void A_malformed_connection_string_is_rejected_without_showing_it()
    {
        const string secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";
        var options = new AzureBlobArtifactStoreOptions { ConnectionString = $"AccountName=x;AccountKey={secret};Nonsense", ContainerName = "abc" };

        var e = Assert.Throws<ArgumentException>(() => new AzureBlobArtifactStore(options));

        Assert.Contains("connection string is not valid", e.Message);
        AssertNoSecret(e, secret);
        Assert.DoesNotContain(secret, options.ToString());
    }

    [Fact]
    public async Task A_service_uri_with_a_sas_token_is_used_without_showing_the_token()
    {
        const string signature = "c2FzLXNpZ25hdHVyZS1zZWNyZXQ";
        var store = new AzureBlobArtifactStore(new AzureBlobArtifactStoreOptions
        {
            ServiceUri = new Uri($"http://127.0.0.1:9/devstoreaccount1?sv=2024-08-04&sp=rwdl&sig={signature}"),
            ContainerName = "artifacts",
            Prefix = "runs",
            ClientOptions = new BlobClientOptions { Retry = { MaxRetries = 0 } },
        });

        Assert.Equal("artifacts", store.ContainerName);
        Assert.Equal("runs/", store.Prefix);
        var e = await Assert.ThrowsAsync<ArtifactStoreException>(() => store.ExistsAsync(Sha256Of([1])));
        Assert.Contains("http://127.0.0.1:9/devstoreaccount1/artifacts", e.Message);
        Assert.DoesNotContain(signature, e.Message);
    }

    [Fact]
    public void An_account_is_required_and_a_service_uri_must_be_absolute_http()
    {
        var none = Assert.Throws<ArgumentException>(() => new AzureBlobArtifactStore(new AzureBlobArtifactStoreOptions { ContainerName = "abc" }));
        var relative = Assert.Throws<ArgumentException>(() => new AzureBlobArtifactStore(
            new AzureBlobArtifactStoreOptions { ServiceUri = new Uri("ftp://example.org/"), ContainerName = "abc" }));

        Assert.Contains("needs a connection string or a service URI", none.Message);
        Assert.Contains("expected an absolute http(s) URI", relative.Message);
        Assert.Throws<ArgumentNullException>(() => new AzureBlobArtifactStore((AzureBlobArtifactStoreOptions)null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a--b")]
    [InlineData("a_b")]
    [InlineData("$root")]
    public void An_invalid_container_name_is_rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new AzureBlobArtifactStore(
            new AzureBlobArtifactStoreOptions { ConnectionString = AzuriteTestContainer.DevelopmentStorage, ContainerName = name }));

        Assert.Contains("container name", e.Message);
    }

    private static void AssertNoSecret(Exception e, string secret)
    {
        Assert.DoesNotContain(secret, e.ToString());
        Assert.DoesNotContain(secret[..16], e.ToString());
    }

    private static BlobClientOptions StagedOptions() => AzuriteTestContainer.QuickOptions();

    // Small blocks, one at a time: a 1 MiB put is 16 staged blocks and a commit.
    private AzureBlobArtifactStore NewStagedStore(BlobClientOptions options) =>
        new(new AzureBlobArtifactStoreOptions
        {
            ConnectionString = AzuriteTestContainer.ConnectionString,
            ContainerName = azurite.ContainerName,
            Prefix = Azure.Prefix,
            ClientOptions = options,
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 64 * 1024, MaximumTransferSize = 64 * 1024, MaximumConcurrency = 1 },
        });

    private static async Task<List<ArtifactRef>> ListAsync(IArtifactStore store)
    {
        var all = new List<ArtifactRef>();
        await foreach (ArtifactRef reference in store.ListAsync()) all.Add(reference);
        return all;
    }

    private async Task<List<BlobItem>> ItemsAsync(string prefix)
    {
        var items = new List<BlobItem>();
        await foreach (BlobItem item in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix })) items.Add(item);
        return items;
    }

    /// <summary>Cancels the put's token once it has sent <c>afterBlocks</c> staged blocks.</summary>
    private sealed class CancelOnBlock(CancellationTokenSource cancellation, int afterBlocks) : HttpPipelineSynchronousPolicy
    {
        private int _blocks;

        public override void OnSendingRequest(HttpMessage message)
        {
            string query = message.Request.Uri.Query;
            bool stagesBlock = query.Contains("comp=block", StringComparison.Ordinal) && !query.Contains("comp=blocklist", StringComparison.Ordinal);
            if (stagesBlock && Interlocked.Increment(ref _blocks) >= afterBlocks)
            {
                cancellation.Cancel();
            }
        }
    }
}
