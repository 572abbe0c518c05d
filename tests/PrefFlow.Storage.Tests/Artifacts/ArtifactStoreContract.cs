using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

/// <summary>
/// What every <see cref="IArtifactStore"/> must do. A store's test class derives from this and says how to make
/// an empty store and how to tamper with a stored blob behind the store's back.
/// </summary>
public abstract class ArtifactStoreContract
{
    protected const string Binary = "application/octet-stream";

    private IArtifactStore? _store;

    protected IArtifactStore Store => _store ??= CreateStore();

    /// <summary>A new, empty store; called once per test.</summary>
    protected abstract IArtifactStore CreateStore();

    /// <summary>Replaces the stored bytes of blob <paramref name="sha256"/> with <paramref name="tamper"/>(old bytes), bypassing the store.</summary>
    protected abstract Task TamperAsync(string sha256, Func<byte[], byte[]> tamper);

    /// <summary>Removes blob <paramref name="sha256"/>, bypassing the store.</summary>
    protected abstract Task RemoveBehindTheStoreAsync(string sha256);

    protected static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    protected async Task<ArtifactRef> PutAsync(byte[] content, string mediaType = Binary) =>
        await Store.PutAsync(new MemoryStream(content), mediaType);

    protected async Task<byte[]> ReadAllAsync(ArtifactRef reference)
    {
        await using Stream stream = await Store.OpenReadAsync(reference);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected async Task<List<ArtifactRef>> ListAsync()
    {
        var all = new List<ArtifactRef>();
        await foreach (ArtifactRef reference in Store.ListAsync()) all.Add(reference);
        return all;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(5 * 1024 * 1024)]
    public async Task Content_comes_back_as_it_was_put_under_its_sha256(int size)
    {
        byte[] content = RandomBytes(size, seed: size);

        ArtifactRef reference = await PutAsync(content);

        Assert.Equal(Sha256Of(content), reference.Sha256);
        Assert.Equal(size, reference.Length);
        Assert.Equal(Binary, reference.MediaType);
        Assert.Equal(content, await ReadAllAsync(reference));
    }

    [Fact]
    public async Task The_empty_blob_has_the_well_known_sha256_of_nothing()
    {
        ArtifactRef reference = await PutAsync([]);

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", reference.Sha256);
        Assert.Empty(await ReadAllAsync(reference));
    }

    [Fact]
    public async Task Putting_the_same_content_twice_gives_the_same_reference_and_one_blob()
    {
        byte[] content = Encoding.UTF8.GetBytes("the same bytes");

        ArtifactRef first = await PutAsync(content);
        ArtifactRef second = await PutAsync(content);

        Assert.Equal(first, second);
        ArtifactRef listed = Assert.Single(await ListAsync());
        Assert.Equal(first, listed);
    }

    [Fact]
    public async Task Concurrent_puts_of_the_same_content_agree_and_leave_an_intact_blob()
    {
        byte[] content = RandomBytes(256 * 1024, seed: 7);

        ArtifactRef[] references = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.PutAsync(new MemoryStream(content), Binary))));

        Assert.All(references, r => Assert.Equal(references[0], r));
        Assert.Single(await ListAsync());
        await Store.VerifyAsync(references[0]);
        Assert.Equal(content, await ReadAllAsync(references[0]));
    }

    [Fact]
    public async Task Blobs_of_different_media_types_keep_their_media_types()
    {
        ArtifactRef json = await PutAsync(Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json");
        ArtifactRef lines = await PutAsync(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"a\":2}\n"), "application/x-ndjson; charset=utf-8");

        Assert.Equal("application/json", json.MediaType);
        Assert.Equal("application/x-ndjson; charset=utf-8", lines.MediaType);
        List<ArtifactRef> listed = await ListAsync();
        Assert.Equal(2, listed.Count);
        Assert.Contains(json, listed);
        Assert.Contains(lines, listed);
    }

    [Fact]
    public async Task The_same_bytes_under_another_media_type_are_the_same_blob()
    {
        byte[] content = Encoding.UTF8.GetBytes("plain or binary?");

        ArtifactRef text = await PutAsync(content, "text/plain");
        ArtifactRef binary = await PutAsync(content, Binary);

        Assert.Equal(text.Sha256, binary.Sha256);
        Assert.Equal(Binary, binary.MediaType);
        ArtifactRef listed = Assert.Single(await ListAsync());
        Assert.Equal("text/plain", listed.MediaType);
        Assert.Equal(content, await ReadAllAsync(binary));
    }

    [Theory]
    [InlineData("")]
    [InlineData("binary")]
    [InlineData("text/")]
    [InlineData("/plain")]
    [InlineData("text/plain\nx-evil: 1")]
    public async Task An_invalid_media_type_is_rejected_and_nothing_is_stored(string mediaType)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(new MemoryStream([1, 2, 3]), mediaType));

        Assert.Contains("media type", e.Message);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Reading_a_truncated_blob_throws_naming_the_hash()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(10_000, seed: 1));
        await TamperAsync(reference.Sha256, bytes => bytes[..5_000]);

        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => ReadAllAsync(reference));

        Assert.Equal(ArtifactCorruption.Truncated, e.Corruption);
        Assert.Equal(reference.Sha256, e.Sha256);
        Assert.Contains(reference.Sha256, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public async Task Reading_a_blob_that_grew_throws_wrong_length()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(1_000, seed: 2));
        await TamperAsync(reference.Sha256, bytes => [.. bytes, 0]);

        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => ReadAllAsync(reference));

        Assert.Equal(ArtifactCorruption.WrongLength, e.Corruption);
        Assert.Contains(reference.Sha256, e.Message);
    }

    [Fact]
    public async Task Reading_a_blob_with_a_flipped_byte_throws_wrong_hash_at_the_end()
    {
        byte[] content = RandomBytes(200_000, seed: 3);
        ArtifactRef reference = await PutAsync(content);
        await TamperAsync(reference.Sha256, bytes =>
        {
            bytes[123_456] ^= 0x01;
            return bytes;
        });

        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => ReadAllAsync(reference));

        Assert.Equal(ArtifactCorruption.WrongHash, e.Corruption);
        Assert.Contains(reference.Sha256, e.Message);
        Assert.Contains("corrupt", e.Message);
    }

    [Fact]
    public async Task A_blob_removed_behind_the_store_is_reported_missing()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(10, seed: 4));
        await RemoveBehindTheStoreAsync(reference.Sha256);

        var open = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.OpenReadAsync(reference));
        var verify = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.VerifyAsync(reference));

        Assert.Equal(ArtifactCorruption.Missing, open.Corruption);
        Assert.Equal(ArtifactCorruption.Missing, verify.Corruption);
        Assert.Contains(reference.Sha256, open.Message);
        Assert.Contains("missing", open.Message);
    }

    [Fact]
    public async Task A_reference_with_the_wrong_length_is_not_verified()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(100, seed: 5));

        var shorter = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.VerifyAsync(reference with { Length = 99 }));
        var longer = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.VerifyAsync(reference with { Length = 101 }));

        Assert.Equal(ArtifactCorruption.WrongLength, shorter.Corruption);
        Assert.Equal(ArtifactCorruption.Truncated, longer.Corruption);
    }

    [Fact]
    public async Task Verify_passes_an_intact_blob_and_fails_a_corrupt_one()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(4096, seed: 6));
        await Store.VerifyAsync(reference);

        await TamperAsync(reference.Sha256, bytes =>
        {
            bytes[0] ^= 0x80;
            return bytes;
        });

        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => Store.VerifyAsync(reference));
        Assert.Equal(ArtifactCorruption.WrongHash, e.Corruption);
    }

    [Fact]
    public async Task Putting_the_content_again_repairs_a_corrupt_blob()
    {
        byte[] content = RandomBytes(4096, seed: 8);
        ArtifactRef reference = await PutAsync(content);
        await TamperAsync(reference.Sha256, bytes => bytes[..100]);

        ArtifactRef again = await PutAsync(content);

        Assert.Equal(reference, again);
        await Store.VerifyAsync(reference);
    }

    [Fact]
    public async Task Exists_and_delete_follow_the_blob()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(50, seed: 9));

        Assert.True(await Store.ExistsAsync(reference));
        Assert.True(await Store.ExistsAsync(reference.Sha256));
        Assert.False(await Store.ExistsAsync(reference with { Length = 51 }));

        await Store.DeleteAsync(reference.Sha256);

        Assert.False(await Store.ExistsAsync(reference));
        Assert.False(await Store.ExistsAsync(reference.Sha256));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Deleting_a_blob_that_is_not_stored_does_nothing()
    {
        ArtifactRef kept = await PutAsync(RandomBytes(50, seed: 10));

        await Store.DeleteAsync(Sha256Of([1, 2, 3]));

        Assert.Equal([kept], await ListAsync());
        Assert.False(await Store.ExistsAsync(Sha256Of([1, 2, 3])));
    }

    [Fact]
    public async Task List_gives_every_blob_once_in_hash_order()
    {
        var put = new List<ArtifactRef>();
        for (int i = 0; i < 20; i++) put.Add(await PutAsync(RandomBytes(i * 10, seed: 100 + i)));

        List<ArtifactRef> listed = await ListAsync();

        Assert.Equal(put.OrderBy(r => r.Sha256, StringComparer.Ordinal), listed);
    }

    [Fact]
    public async Task An_empty_store_lists_nothing_and_has_nothing()
    {
        Assert.Empty(await ListAsync());
        Assert.False(await Store.ExistsAsync(Sha256Of([])));
    }

    public static TheoryData<string> InvalidHashes => new()
    {
        "../../etc/passwd",
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g",
        "../../e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b785",
        "",
        " e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
    };

    [Theory]
    [MemberData(nameof(InvalidHashes))]
    public async Task An_invalid_hash_is_rejected_by_every_operation(string hash)
    {
        ArtifactRef forged = Forge(hash);

        await AssertInvalidHash(hash, () => Store.ExistsAsync(hash));
        await AssertInvalidHash(hash, () => Store.DeleteAsync(hash));
        await AssertInvalidHash(hash, () => Store.ExistsAsync(forged));
        await AssertInvalidHash(hash, () => Store.OpenReadAsync(forged));
        await AssertInvalidHash(hash, () => Store.VerifyAsync(forged));
        Assert.Throws<ArgumentException>(() => new ArtifactRef(hash, 0, Binary));
    }

    [Fact]
    public async Task A_default_reference_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.OpenReadAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.VerifyAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.ExistsAsync(default(ArtifactRef)));
    }

    [Fact]
    public async Task A_cancelled_put_stores_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.PutAsync(new MemoryStream(RandomBytes(1000, seed: 11)), Binary, cancellation.Token));

        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task A_put_cancelled_midway_stores_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        var content = new CancellingStream(RandomBytes(1024 * 1024, seed: 12), cancellation, afterBytes: 100_000);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PutAsync(content, Binary, cancellation.Token));

        Assert.True(content.Position > 0);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Cancelled_reads_lists_and_checks_throw()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(1000, seed: 13));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        CancellationToken token = cancellation.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.OpenReadAsync(reference, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.VerifyAsync(reference, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ExistsAsync(reference, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.DeleteAsync(reference.Sha256, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ArtifactRef _ in Store.ListAsync(token)) { }
        });
        Assert.True(await Store.ExistsAsync(reference));
    }

    private static async Task AssertInvalidHash(string hash, Func<Task> operation)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(operation);
        Assert.IsNotType<ArgumentNullException>(e);
        Assert.Contains("not valid", e.Message);
        if (hash.Length > 0) Assert.Contains(hash.Trim(), e.Message);
    }

    private static ArtifactRef Forge(string hash)
    {
        // A reference whose hash skipped validation, as a buggy or hostile caller might build one:
        // the store itself must refuse it before it touches storage.
        object boxed = new ArtifactRef(Sha256Of([]), 0, Binary);
        typeof(ArtifactRef).GetField("_sha256", BindingFlags.NonPublic | BindingFlags.Instance)!.SetValue(boxed, hash);
        var forged = (ArtifactRef)boxed;
        Assert.Equal(hash, forged.Sha256);
        return forged;
    }

    private sealed class CancellingStream(byte[] content, CancellationTokenSource cancellation, int afterBytes) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= afterBytes) cancellation.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, 16 * 1024)], cancellationToken);
        }
    }
}
