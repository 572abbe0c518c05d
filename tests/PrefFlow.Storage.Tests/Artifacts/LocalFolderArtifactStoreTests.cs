using System.Text;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class LocalFolderArtifactStoreTests : ArtifactStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "prefflow-artifacts-" + Guid.NewGuid().ToString("N"));

    private string Root => Path.Combine(_folder, "store");

    private LocalFolderArtifactStore Local => (LocalFolderArtifactStore)Store;

    protected override IArtifactStore CreateStore() => new LocalFolderArtifactStore(Root);

    protected override async Task TamperAsync(string sha256, Func<byte[], byte[]> tamper)
    {
        string path = Local.BlobPath(sha256);
        await File.WriteAllBytesAsync(path, tamper(await File.ReadAllBytesAsync(path)));
    }

    protected override Task RemoveBehindTheStoreAsync(string sha256)
    {
        File.Delete(Local.BlobPath(sha256));
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_blob_lives_in_the_shard_of_its_first_two_hex_digits_with_a_media_type_sidecar()
    {
        ArtifactRef reference = await PutAsync(Encoding.UTF8.GetBytes("hello"), "text/plain");

        string shard = Path.Combine(Root, reference.Sha256[..2]);
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", reference.Sha256);
        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(shard, reference.Sha256)));
        Assert.Equal("text/plain\n", await File.ReadAllTextAsync(Path.Combine(shard, reference.Sha256 + ".type")));
        Assert.Equal(
            [reference.Sha256, reference.Sha256 + ".type"],
            Directory.GetFiles(shard).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Putting_the_same_content_again_does_not_rewrite_the_file()
    {
        byte[] content = Encoding.UTF8.GetBytes("written once");
        ArtifactRef reference = await PutAsync(content);
        string path = Local.BlobPath(reference.Sha256);
        var past = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);

        await PutAsync(content);

        Assert.Equal(past, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!), p => Path.GetFileName(p) == reference.Sha256);
    }

    [Fact]
    public async Task Puts_leave_no_temporary_files()
    {
        await PutAsync(RandomBytes(1000, seed: 1));
        await PutAsync(RandomBytes(1000, seed: 1));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.PutAsync(new MemoryStream(RandomBytes(10, seed: 2)), Binary, cancellation.Token));

        Assert.Empty(Directory.GetFiles(Local.TemporaryFolder));
    }

    [Fact]
    public async Task A_leftover_temporary_file_is_not_listed_and_is_cleaned_once_stale()
    {
        ArtifactRef kept = await PutAsync(RandomBytes(100, seed: 3));
        byte[] half = RandomBytes(100, seed: 4);
        // What a crash mid-put leaves: a temporary file, even one named like a blob.
        string stale = Path.Combine(Local.TemporaryFolder, Sha256Of(half));
        string fresh = Path.Combine(Local.TemporaryFolder, "0123.tmp");
        await File.WriteAllBytesAsync(stale, half[..50]);
        await File.WriteAllBytesAsync(fresh, half);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - TimeSpan.FromHours(2));

        Assert.Equal([kept], await ListAsync());
        Assert.False(await Store.ExistsAsync(Sha256Of(half)));

        int removed = await Local.CleanTemporaryFilesAsync(TimeSpan.FromHours(1));

        Assert.Equal(1, removed);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.Equal(1, await Local.CleanTemporaryFilesAsync(TimeSpan.Zero));
        Assert.Empty(Directory.GetFiles(Local.TemporaryFolder));
        Assert.Equal([kept], await ListAsync());
    }

    [Fact]
    public async Task Cleaning_a_store_that_was_never_written_removes_nothing()
    {
        Assert.Equal(0, await Local.CleanTemporaryFilesAsync(TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Local.CleanTemporaryFilesAsync(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Files_that_are_not_blobs_are_not_listed()
    {
        ArtifactRef kept = await PutAsync(RandomBytes(10, seed: 5));
        string other = Sha256Of([9]);
        Directory.CreateDirectory(Path.Combine(Root, "zz"));
        await File.WriteAllTextAsync(Path.Combine(Root, "zz", other), "wrong shard name");
        Directory.CreateDirectory(Path.Combine(Root, "00"));
        await File.WriteAllTextAsync(Path.Combine(Root, "00", other), "hash not in its shard");
        await File.WriteAllTextAsync(Path.Combine(Root, "README"), "not a blob");
        await File.WriteAllTextAsync(Local.BlobPath(kept.Sha256) + ".bak", "not a blob");

        Assert.Equal([kept], await ListAsync());
    }

    [Fact]
    public async Task A_blob_without_its_sidecar_lists_as_octet_stream()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(10, seed: 6), "text/plain");
        File.Delete(Local.BlobPath(reference.Sha256) + ".type");

        ArtifactRef listed = Assert.Single(await ListAsync());

        Assert.Equal(reference with { MediaType = "application/octet-stream" }, listed);
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_its_sidecar()
    {
        ArtifactRef reference = await PutAsync(RandomBytes(10, seed: 7));

        await Store.DeleteAsync(reference.Sha256);

        Assert.Empty(Directory.GetFiles(Path.Combine(Root, reference.Sha256[..2])));
    }

    [Fact]
    public async Task A_traversal_attempt_touches_nothing_outside_the_store()
    {
        Directory.CreateDirectory(_folder);
        string victim = Path.Combine(_folder, "victim");
        await File.WriteAllTextAsync(victim, "keep me");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync("../victim"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync("../../" + Path.GetFileName(_folder) + "/victim"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(victim));

        Assert.True(File.Exists(victim));
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public async Task Reading_a_partly_read_blob_is_not_yet_verified_but_the_end_is()
    {
        byte[] content = RandomBytes(10_000, seed: 8);
        ArtifactRef reference = await PutAsync(content);
        await TamperAsync(reference.Sha256, bytes =>
        {
            bytes[^1] ^= 0xFF;
            return bytes;
        });

        await using Stream stream = await Store.OpenReadAsync(reference);
        var first = new byte[5_000];
        await stream.ReadExactlyAsync(first);

        Assert.Equal(content[..5_000], first);
        await Assert.ThrowsAsync<ArtifactCorruptedException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Throws<ArtifactCorruptedException>(() => stream.ReadByte());
    }

    [Fact]
    public void The_root_is_made_absolute_and_must_not_be_blank()
    {
        Assert.True(Path.IsPathFullyQualified(new LocalFolderArtifactStore("relative/store").Root));
        Assert.Throws<ArgumentException>(() => new LocalFolderArtifactStore(" "));
    }
}
