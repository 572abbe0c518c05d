using System.Security.Cryptography;

namespace PrefFlow.Storage.Artifacts;

/// <summary>
/// A read-only, forward-only stream that passes a blob's bytes through while hashing them, and throws
/// <see cref="ArtifactCorruptedException"/> once they exceed the reference's length, or at their end when they
/// fall short of it or hash differently. Stores return it from <see cref="IArtifactStore.OpenReadAsync"/>.
/// </summary>
public sealed class VerifyingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly ArtifactRef _expected;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;
    private ArtifactCorruptedException? _failure;

    /// <summary>Verifies <paramref name="inner"/>, which it owns and disposes, against <paramref name="expected"/>.</summary>
    /// <exception cref="ArgumentException">The reference's hash is not valid.</exception>
    public VerifyingReadStream(Stream inner, ArtifactRef expected)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArtifactRef.ThrowIfInvalidHash(expected.Sha256, nameof(expected));
        _inner = inner;
        _expected = expected;
    }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <summary>The length the reference promises.</summary>
    public override long Length => _expected.Length;

    /// <summary>The bytes read so far; it cannot be set.</summary>
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException("a verifying artifact stream reads forward only.");
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_failure is not null) throw _failure;
        if (buffer.IsEmpty) return 0;
        return Check(buffer, _inner.Read(buffer));
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_failure is not null) throw _failure;
        if (buffer.IsEmpty) return 0;
        int read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Check(buffer.Span, read);
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a verifying artifact stream reads forward only.");

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("a verifying artifact stream is read-only.");

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("a verifying artifact stream is read-only.");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _hash.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Check(ReadOnlySpan<byte> buffer, int read)
    {
        if (read > 0)
        {
            _read += read;
            if (_read > _expected.Length) Fail(ArtifactCorruptedException.WrongLength(_expected.Sha256, _expected.Length, _read));
            _hash.AppendData(buffer[..read]);
            return read;
        }
        if (_verified) return 0;
        if (_read < _expected.Length) Fail(ArtifactCorruptedException.Truncated(_expected.Sha256, _expected.Length, _read));
        string actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (actual != _expected.Sha256) Fail(ArtifactCorruptedException.WrongHash(_expected.Sha256, actual));
        _verified = true;
        return 0;
    }

    private void Fail(ArtifactCorruptedException failure)
    {
        _failure = failure;
        throw failure;
    }
}
