using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// An <see cref="IArtifactStore"/> in a local folder. The blob with hash "abcdef…" lives at "root/ab/abcdef…" and
/// its media type, as one line of ASCII, in the sidecar "root/ab/abcdef….type" (the media type of the first put:
/// later puts of the same bytes keep it). Writes go to a file in "root/.tmp", are flushed to disk and then renamed
/// onto the final name, so a blob is never visible half-written; stale temporary files are removed by
/// <see cref="CleanTemporaryFilesAsync"/>. The folder is created on the first put.
/// </summary>
public sealed class LocalFolderArtifactStore : IArtifactStore
{
    /// <summary>The folder under the root that holds unfinished writes.</summary>
    public const string TemporaryFolderName = ".tmp";

    /// <summary>The extension of the sidecar holding a blob's media type.</summary>
    public const string MediaTypeExtension = ".type";

    /// <summary>The media type listed for a blob whose sidecar is missing or unreadable.</summary>
    public const string DefaultMediaType = "application/octet-stream";

    private const int BufferSize = 81920;

    /// <summary>A store in <paramref name="root"/>, made absolute against the current directory.</summary>
    /// <exception cref="ArgumentException"><paramref name="root"/> is empty or whitespace.</exception>
    public LocalFolderArtifactStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        TemporaryFolder = Path.Combine(Root, TemporaryFolderName);
    }

    /// <summary>The absolute path of the store's folder.</summary>
    public string Root { get; }

    /// <summary>The absolute path of the folder for unfinished writes.</summary>
    public string TemporaryFolder { get; }

    /// <inheritdoc/>
    public async Task<ArtifactRef> PutAsync(Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArtifactRef.ThrowIfInvalidMediaType(mediaType);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(TemporaryFolder);
        string temporary = NewTemporaryPath();
        try
        {
            (string sha256, long length) = await WriteAndHashAsync(content, temporary, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(ShardPath(sha256));
            await WriteMediaTypeIfAbsentAsync(sha256, mediaType).ConfigureAwait(false);
            string blob = BlobPath(sha256);
            if (!await IsIntactAsync(blob, sha256, length).ConfigureAwait(false))
            {
                try
                {
                    // Overwriting also replaces a corrupt blob; a concurrent put of the same bytes writes identical content.
                    File.Move(temporary, blob, overwrite: true);
                }
                catch (IOException) when (File.Exists(blob))
                {
                    // Another put won the race and the target is in use (Windows); keep its copy if it is intact.
                    if (!await IsIntactAsync(blob, sha256, length).ConfigureAwait(false)) throw;
                }
            }
            return new ArtifactRef(sha256, length, mediaType);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(ArtifactRef reference, CancellationToken cancellationToken = default)
    {
        string sha256 = ArtifactRef.ThrowIfInvalidHash(reference.Sha256, nameof(reference));
        cancellationToken.ThrowIfCancellationRequested();
        FileStream file;
        try
        {
            file = new FileStream(BlobPath(sha256), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ArtifactCorruptedException.Missing(sha256, e);
        }
        long length = file.Length;
        if (length != reference.Length)
        {
            file.Dispose();
            throw length < reference.Length
                ? ArtifactCorruptedException.Truncated(sha256, reference.Length, length)
                : ArtifactCorruptedException.WrongLength(sha256, reference.Length, length);
        }
        return Task.FromResult<Stream>(new VerifyingReadStream(file, reference));
    }

    /// <inheritdoc/>
    public async Task VerifyAsync(ArtifactRef reference, CancellationToken cancellationToken = default)
    {
        Stream stream = await OpenReadAsync(reference, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                while (await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <inheritdoc/>
    public Task<bool> ExistsAsync(ArtifactRef reference, CancellationToken cancellationToken = default)
    {
        string sha256 = ArtifactRef.ThrowIfInvalidHash(reference.Sha256, nameof(reference));
        cancellationToken.ThrowIfCancellationRequested();
        var file = new FileInfo(BlobPath(sha256));
        return Task.FromResult(file.Exists && file.Length == reference.Length);
    }

    /// <inheritdoc/>
    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArtifactRef.ThrowIfInvalidHash(sha256);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(BlobPath(sha256)));
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArtifactRef.ThrowIfInvalidHash(sha256);
        cancellationToken.ThrowIfCancellationRequested();
        string blob = BlobPath(sha256);
        if (Directory.Exists(Path.GetDirectoryName(blob)))
        {
            File.Delete(blob);
            File.Delete(blob + MediaTypeExtension);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ArtifactRef> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(Root)) yield break;
        foreach (string shard in SortedNames(Directory.EnumerateDirectories(Root)))
        {
            if (!IsShardName(shard)) continue;
            foreach (string name in SortedNames(Directory.EnumerateFiles(Path.Combine(Root, shard))))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!ArtifactRef.IsValidHash(name) || !name.StartsWith(shard, StringComparison.Ordinal)) continue;
                var file = new FileInfo(BlobPath(name));
                if (!file.Exists) continue;
                string mediaType = await ReadMediaTypeAsync(name, cancellationToken).ConfigureAwait(false);
                yield return new ArtifactRef(name, file.Length, mediaType);
            }
        }
    }

    /// <summary>
    /// Removes the temporary files of writes that started more than <paramref name="olderThan"/> ago, left by
    /// crashed or abandoned puts, and returns how many it removed. Keep <paramref name="olderThan"/> well above
    /// the longest put, or a put in progress loses its file and fails.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="olderThan"/> is negative.</exception>
    public Task<int> CleanTemporaryFilesAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(TemporaryFolder)) return Task.FromResult(0);
        DateTime cutoff = DateTime.UtcNow - olderThan;
        int removed = 0;
        foreach (string path in Directory.EnumerateFiles(TemporaryFolder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (File.GetLastWriteTimeUtc(path) < cutoff && TryDelete(path)) removed++;
        }
        return Task.FromResult(removed);
    }

    internal string ShardPath(string sha256) => Path.Combine(Root, sha256[..2]);

    internal string BlobPath(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    private string NewTemporaryPath() => Path.Combine(TemporaryFolder, Guid.NewGuid().ToString("N") + ".tmp");

    private static async Task<(string Sha256, long Length)> WriteAndHashAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    length += read;
                }
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    private static async Task<bool> IsIntactAsync(string path, string sha256, long length)
    {
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (file.ConfigureAwait(false))
            {
                if (file.Length != length) return false;
                byte[] actual = await SHA256.HashDataAsync(file).ConfigureAwait(false);
                return Convert.ToHexStringLower(actual) == sha256;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    private async Task WriteMediaTypeIfAbsentAsync(string sha256, string mediaType)
    {
        string sidecar = BlobPath(sha256) + MediaTypeExtension;
        if (File.Exists(sidecar)) return;
        string temporary = NewTemporaryPath();
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(Encoding.ASCII.GetBytes(mediaType + "\n")).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, sidecar, overwrite: false);
            }
            catch (IOException) when (File.Exists(sidecar))
            {
                // A concurrent put wrote it first.
            }
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private async Task<string> ReadMediaTypeAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            string text = await File.ReadAllTextAsync(BlobPath(sha256) + MediaTypeExtension, Encoding.ASCII, cancellationToken)
                .ConfigureAwait(false);
            string mediaType = text.TrimEnd('\n');
            return ArtifactRef.IsValidMediaType(mediaType) ? mediaType : DefaultMediaType;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return DefaultMediaType;
        }
    }

    private static IEnumerable<string> SortedNames(IEnumerable<string> paths) =>
        paths.Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

    private static bool IsShardName(string name) => name.Length == 2 && name.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
