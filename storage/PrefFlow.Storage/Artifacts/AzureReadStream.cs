namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// Passes a download's bytes through, turning the SDK's failures mid-read (after its own retries) into the store's
/// <see cref="ArtifactStoreException"/> via <c>translate</c>, so readers see one kind of failure from open to end.
/// </summary>
internal sealed class AzureReadStream(Stream inner, Func<Exception, ArtifactStoreException?> translate) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException("an artifact download has no length of its own.");

    public override long Position
    {
        get => throw new NotSupportedException("an artifact download reads forward only.");
        set => throw new NotSupportedException("an artifact download reads forward only.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception e) when (translate(e) is { } failure)
        {
            throw failure;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (translate(e) is { } failure)
        {
            throw failure;
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("an artifact download reads forward only.");

    public override void SetLength(long value) => throw new NotSupportedException("an artifact download is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("an artifact download is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
