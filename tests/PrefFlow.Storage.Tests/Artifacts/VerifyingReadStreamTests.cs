using System.Security.Cryptography;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class VerifyingReadStreamTests
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 1000).Select(i => (byte)i)];

    private static ArtifactRef RefOf(byte[] content) =>
        new(Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, "application/octet-stream");

    [Fact]
    public async Task Intact_content_passes_through_and_the_end_reads_as_zero_again()
    {
        using var stream = new VerifyingReadStream(new MemoryStream(Content), RefOf(Content));
        var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(Content, copy.ToArray());
        Assert.Equal(0, stream.Read(new byte[10]));
        Assert.Equal(Content.Length, stream.Position);
    }

    [Fact]
    public void A_source_longer_than_the_reference_fails_as_soon_as_it_overruns()
    {
        byte[] longer = [.. Content, 1, 2, 3];
        ArtifactRef reference = RefOf(Content);
        using var stream = new VerifyingReadStream(new MemoryStream(longer), reference);
        var buffer = new byte[Content.Length];
        stream.ReadExactly(buffer);

        var e = Assert.Throws<ArtifactCorruptedException>(() => stream.Read(new byte[1]));

        Assert.Equal(ArtifactCorruption.WrongLength, e.Corruption);
        Assert.Contains(reference.Sha256, e.Message);
        Assert.Same(e, Assert.Throws<ArtifactCorruptedException>(() => stream.Read(new byte[1])));
    }

    [Fact]
    public async Task A_short_source_fails_at_its_end_with_the_count_read()
    {
        using var stream = new VerifyingReadStream(new MemoryStream(Content[..600]), RefOf(Content));

        var e = await Assert.ThrowsAsync<ArtifactCorruptedException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(ArtifactCorruption.Truncated, e.Corruption);
        Assert.Contains("600 bytes", e.Message);
        Assert.Contains("1000 bytes", e.Message);
    }

    [Fact]
    public void Different_bytes_of_the_same_length_fail_with_both_hashes()
    {
        byte[] other = [.. Content];
        other[500] ^= 1;
        ArtifactRef reference = RefOf(Content);
        using var stream = new VerifyingReadStream(new MemoryStream(other), reference);

        var e = Assert.Throws<ArtifactCorruptedException>(() => stream.CopyTo(Stream.Null));

        Assert.Equal(ArtifactCorruption.WrongHash, e.Corruption);
        Assert.Contains(reference.Sha256, e.Message);
        Assert.Contains(RefOf(other).Sha256, e.Message);
    }

    [Fact]
    public void The_stream_is_read_only_and_forward_only()
    {
        using var stream = new VerifyingReadStream(new MemoryStream(Content), RefOf(Content));

        Assert.False(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(Content.Length, stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
    }

    [Fact]
    public void Disposing_disposes_the_source()
    {
        var source = new MemoryStream(Content);

        new VerifyingReadStream(source, RefOf(Content)).Dispose();

        Assert.False(source.CanRead);
    }
}
