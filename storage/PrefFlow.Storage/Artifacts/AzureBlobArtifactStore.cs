using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// An <see cref="IArtifactStore"/> in an Azure Blob Storage container. The blob with hash "abcd…" is named
/// "{prefix/}sha256/ab/cd/abcd…" (see <see cref="AzureBlobNames"/>), its media type is the blob's content type
/// (the first put's; a put that repairs a corrupt blob writes its own) and its hash is also in its "sha256" metadata.
/// <para>
/// A put buffers the content to a local temporary file while hashing it, then uploads it with a condition: "only
/// if no blob exists" (or "only if it is still the corrupt blob seen", to repair one). Large uploads stage blocks
/// that stay invisible until the final commit, so a blob is never visible under its hash half-written, and a
/// cancelled or failed put leaves nothing listed. A blob that already exists is kept once its length and hash
/// are checked by reading it back.
/// </para>
/// <para>
/// Failures of the service or network surface as <see cref="ArtifactStoreException"/> (with
/// <see cref="ArtifactStoreException.IsTransient"/>) after the SDK's own retries; messages never hold credentials.
/// The container is created on the first put, or by <see cref="EnsureCreatedAsync"/>.
/// </para>
/// </summary>
public sealed class AzureBlobArtifactStore : IArtifactStore
{
    /// <summary>The media type listed for a blob whose content type is missing or not valid.</summary>
    public const string DefaultMediaType = "application/octet-stream";

    /// <summary>The metadata key that holds a blob's hash.</summary>
    public const string HashMetadataKey = "sha256";

    private const int BufferSize = 81920;

    // Each try loses only to a concurrent put or repair of the same blob, which leaves it intact for the next look.
    private const int MaxPutTries = 4;

    private readonly BlobContainerClient _container;
    private readonly string _temporaryFolder;
    private readonly string _endpoint;
    private readonly StorageTransferOptions _transferOptions;
    private volatile bool _created;

    /// <summary>A store in the container that <paramref name="options"/> name; nothing is contacted yet.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The account, container name or prefix is missing or not valid.</exception>
    public AzureBlobArtifactStore(AzureBlobArtifactStoreOptions options)
        : this(AzureContainerClients.Create(options), options.Prefix, options.TemporaryFolder, options.TransferOptions)
    {
    }

    /// <summary>
    /// A store in <paramref name="container"/>, for hosts that build their own client; the other parameters are
    /// as in <see cref="AzureBlobArtifactStoreOptions"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="container"/> is null.</exception>
    /// <exception cref="ArgumentException">The container name or prefix is not valid.</exception>
    public AzureBlobArtifactStore(
        BlobContainerClient container, string? prefix = null, string? temporaryFolder = null, StorageTransferOptions transferOptions = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (AzureBlobNames.ContainerNameError(container.Name) is { } error) throw new ArgumentException(error, nameof(container));
        _container = container;
        _transferOptions = transferOptions;
        Prefix = AzureBlobNames.NormalizePrefix(prefix);
        _temporaryFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(temporaryFolder) ? Path.GetTempPath() : temporaryFolder);
        // Scheme, host and path only: a SAS token in the query must never reach a message.
        _endpoint = container.Uri.GetLeftPart(UriPartial.Path);
    }

    /// <summary>The container's name.</summary>
    public string ContainerName => _container.Name;

    /// <summary>The prefix of every blob name: "" or ending in '/'.</summary>
    public string Prefix { get; }

    /// <summary>Creates the container if it does not exist yet.</summary>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        catch (Exception e) when (Translate(e, "create the container", cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">
    /// The service refused or could not be reached. Nothing partial is visible; the blob may be complete when only
    /// the answer to its final commit was lost.
    /// </exception>
    public async Task<ArtifactRef> PutAsync(Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArtifactRef.ThrowIfInvalidMediaType(mediaType);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(_temporaryFolder);
        string temporary = Path.Combine(_temporaryFolder, "prefflow-put-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            (string sha256, long length, byte[] md5) = await BufferAndHashAsync(content, temporary, cancellationToken).ConfigureAwait(false);
            if (!_created) await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await UploadUnlessIntactAsync(BlobFor(sha256), temporary, sha256, length, md5, mediaType, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Translate(e, $"store the artifact {sha256}", cancellationToken) is { } failure)
            {
                throw failure;
            }
            return new ArtifactRef(sha256, length, mediaType);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async Task<Stream> OpenReadAsync(ArtifactRef reference, CancellationToken cancellationToken = default)
    {
        string sha256 = ArtifactRef.ThrowIfInvalidHash(reference.Sha256, nameof(reference));
        cancellationToken.ThrowIfCancellationRequested();
        BlobDownloadStreamingResult download;
        try
        {
            download = (await BlobFor(sha256).DownloadStreamingAsync(new BlobDownloadOptions(), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw ArtifactCorruptedException.Missing(sha256, e);
        }
        catch (Exception e) when (Translate(e, $"read the artifact {sha256}", cancellationToken) is { } failure)
        {
            throw failure;
        }
        long length = download.Details.ContentLength;
        if (length != reference.Length)
        {
            await download.Content.DisposeAsync().ConfigureAwait(false);
            throw length < reference.Length
                ? ArtifactCorruptedException.Truncated(sha256, reference.Length, length)
                : ArtifactCorruptedException.WrongLength(sha256, reference.Length, length);
        }
        var network = new AzureReadStream(download.Content, e => Translate(e, $"read the artifact {sha256}", CancellationToken.None));
        return new VerifyingReadStream(network, reference);
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async Task VerifyAsync(ArtifactRef reference, CancellationToken cancellationToken = default)
    {
        Stream stream = await OpenReadAsync(reference, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async Task<bool> ExistsAsync(ArtifactRef reference, CancellationToken cancellationToken = default)
    {
        string sha256 = ArtifactRef.ThrowIfInvalidHash(reference.Sha256, nameof(reference));
        BlobProperties? properties = await GetPropertiesAsync(sha256, cancellationToken).ConfigureAwait(false);
        return properties is not null && properties.ContentLength == reference.Length;
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArtifactRef.ThrowIfInvalidHash(sha256);
        return await GetPropertiesAsync(sha256, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async Task DeleteAsync(string sha256, CancellationToken cancellationToken = default)
    {
        ArtifactRef.ThrowIfInvalidHash(sha256);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await BlobFor(sha256).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container: nothing to delete.
        }
        catch (Exception e) when (Translate(e, $"delete the artifact {sha256}", cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArtifactStoreException">The service refused or could not be reached.</exception>
    public async IAsyncEnumerable<ArtifactRef> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The service lists names in byte order; under one prefix that is hash order.
        var options = new GetBlobsOptions { Prefix = Prefix + AzureBlobNames.ContentFolder };
        IAsyncEnumerator<BlobItem> items = _container.GetBlobsAsync(options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    more = false; // No container yet: no blobs.
                }
                catch (Exception e) when (Translate(e, "list the artifacts", cancellationToken) is { } failure)
                {
                    throw failure;
                }
                if (!more) yield break;
                BlobItem item = items.Current;
                if (item.Deleted || AzureBlobNames.HashOf(Prefix, item.Name) is not { } sha256) continue;
                long length = item.Properties.ContentLength ?? 0;
                string? contentType = item.Properties.ContentType;
                yield return new ArtifactRef(sha256, length, ArtifactRef.IsValidMediaType(contentType) ? contentType! : DefaultMediaType);
            }
        }
    }

    internal BlobClient BlobFor(string sha256) => _container.GetBlobClient(AzureBlobNames.BlobName(Prefix, sha256));

    private async Task UploadUnlessIntactAsync(
        BlobClient blob, string temporary, string sha256, long length, byte[] md5, string mediaType, CancellationToken cancellationToken)
    {
        bool conflictWhileInvisible = false;
        for (int attempt = 1; ; attempt++)
        {
            BlobProperties? existing = await TryGetPropertiesAsync(blob, cancellationToken).ConfigureAwait(false);
            if (existing is not null && await IsIntactAsync(blob, existing, sha256, length, cancellationToken).ConfigureAwait(false)) return;
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = mediaType, ContentHash = md5 },
                Metadata = new Dictionary<string, string> { [HashMetadataKey] = sha256 },
                Conditions = Conditions(existing, conflictWhileInvisible),
                TransferOptions = _transferOptions,
                TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
            };
            try
            {
                var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await using (file.ConfigureAwait(false))
                {
                    await blob.UploadAsync(file, options, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (RequestFailedException e) when (IsLostRace(e) && attempt < MaxPutTries)
            {
                // Another put created, repaired or committed the blob first: look at it again.
                conflictWhileInvisible |= existing is null;
            }
        }
    }

    /// <summary>
    /// Create only; or replace only the corrupt version just seen, never a concurrent writer's. A blob that is not
    /// visible yet refuses "create only" when it holds uncommitted blocks (a crashed or running staged put): then
    /// the put writes unconditionally, which is safe because every writer of this name writes the same bytes.
    /// </summary>
    private static BlobRequestConditions? Conditions(BlobProperties? existing, bool conflictWhileInvisible) =>
        existing is not null ? new BlobRequestConditions { IfMatch = existing.ETag }
        : conflictWhileInvisible ? null
        : new BlobRequestConditions { IfNoneMatch = ETag.All };

    // A failed condition, or a commit whose staged blocks a concurrent commit of the same name discarded.
    private static bool IsLostRace(RequestFailedException e) =>
        e.Status is 409 or 412 || (e.Status == 400 && e.ErrorCode == BlobErrorCode.InvalidBlockList);

    private static async Task<bool> IsIntactAsync(BlobClient blob, BlobProperties existing, string sha256, long length, CancellationToken cancellationToken)
    {
        if (existing.ContentLength != length) return false;
        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = existing.ETag } };
            BlobDownloadStreamingResult download = (await blob.DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false)).Value;
            var stream = new VerifyingReadStream(download.Content, new ArtifactRef(sha256, length, DefaultMediaType));
            await using (stream.ConfigureAwait(false))
            {
                await DrainAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            return true;
        }
        catch (ArtifactCorruptedException)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Deleted or replaced while we looked: the upload's condition decides what happens next.
            return false;
        }
    }

    private async Task<BlobProperties?> GetPropertiesAsync(string sha256, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await TryGetPropertiesAsync(BlobFor(sha256), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, $"look up the artifact {sha256}", cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<BlobProperties?> TryGetPropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<(string Sha256, long Length, byte[] Md5)> BufferAndHashAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long length = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = BufferSize,
                Options = FileOptions.Asynchronous,
            };
            // The shared temporary folder is readable by all; the artifact may not be.
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            var file = new FileStream(path, options);
            await using (file.ConfigureAwait(false))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    md5.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    length += read;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (Convert.ToHexStringLower(sha256.GetHashAndReset()), length, md5.GetHashAndReset());
    }

    private static async Task DrainAsync(Stream stream, CancellationToken cancellationToken)
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

    private ArtifactStoreException? Translate(Exception failure, string operation, CancellationToken cancellationToken) =>
        AzureFailures.Translate(failure, operation, _endpoint, cancellationToken);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
