namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// Blobs addressed by the SHA-256 of their content. Every hash argument is checked (see
/// <see cref="ArtifactRef.IsValidHash"/>) before the store touches storage, so a name can never escape it.
/// </summary>
public interface IArtifactStore
{
    /// <summary>
    /// Stores <paramref name="content"/>, read to its end, hashing it as it is written. The blob appears under its
    /// hash only once fully written and durable. Putting content that is already stored returns the same hash and
    /// length without rewriting it; the returned reference carries <paramref name="mediaType"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The media type is not valid.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing is stored.</exception>
    Task<ArtifactRef> PutAsync(Stream content, string mediaType, CancellationToken cancellationToken = default);

    /// <summary>
    /// A read-only stream over the blob that checks its length and hash as it is read: a read throws
    /// <see cref="ArtifactCorruptedException"/> as soon as the blob proves too long, and at its end when it is short
    /// or hashes differently. Content read before the end is not yet verified.
    /// </summary>
    /// <exception cref="ArgumentException">The reference's hash is not valid.</exception>
    /// <exception cref="ArtifactCorruptedException">The blob is missing or already known to have the wrong length.</exception>
    Task<Stream> OpenReadAsync(ArtifactRef reference, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole blob and checks its length and hash.</summary>
    /// <exception cref="ArgumentException">The reference's hash is not valid.</exception>
    /// <exception cref="ArtifactCorruptedException">The blob is missing, truncated, too long or hashes differently.</exception>
    Task VerifyAsync(ArtifactRef reference, CancellationToken cancellationToken = default);

    /// <summary>Whether a blob with the reference's hash and length is stored; its content is not read.</summary>
    /// <exception cref="ArgumentException">The reference's hash is not valid.</exception>
    Task<bool> ExistsAsync(ArtifactRef reference, CancellationToken cancellationToken = default);

    /// <summary>Whether a blob with hash <paramref name="sha256"/> is stored; its content is not read.</summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not a valid hash.</exception>
    Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob <paramref name="sha256"/>; removing a blob that is not stored does nothing.</summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not a valid hash.</exception>
    Task DeleteAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>Every stored blob, in hash order, with its stored length and media type; unfinished writes are not listed.</summary>
    IAsyncEnumerable<ArtifactRef> ListAsync(CancellationToken cancellationToken = default);
}
