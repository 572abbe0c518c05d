using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class ArtifactRefTests
{
    private const string Hash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    [Theory]
    [InlineData(Hash, true)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", true)]
    [InlineData("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", false)]
    [InlineData("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_64_lower_case_hex_digits_are_a_hash(string? hash, bool valid) =>
        Assert.Equal(valid, ArtifactRef.IsValidHash(hash));

    [Theory]
    [InlineData("application/octet-stream", true)]
    [InlineData("application/vnd.prefflow+json", true)]
    [InlineData("text/plain; charset=utf-8", true)]
    [InlineData("text", false)]
    [InlineData("text/", false)]
    [InlineData("/plain", false)]
    [InlineData("text/plain extra", false)]
    [InlineData("text/plain;\r\nx: 1", false)]
    [InlineData("", false)]
    public void Media_types_read_type_slash_subtype(string mediaType, bool valid) =>
        Assert.Equal(valid, ArtifactRef.IsValidMediaType(mediaType));

    [Fact]
    public void The_constructor_and_with_both_validate()
    {
        var reference = new ArtifactRef(Hash, 5, "text/plain");

        var upper = Assert.Throws<ArgumentException>(() => new ArtifactRef(Hash.ToUpperInvariant(), 5, "text/plain"));
        Assert.Contains("upper-case", upper.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArtifactRef(Hash, -1, "text/plain"));
        Assert.Throws<ArgumentException>(() => new ArtifactRef(Hash, 5, "plain"));
        Assert.Throws<ArgumentException>(() => reference with { Sha256 = "../" + Hash[3..] });
        Assert.Throws<ArgumentOutOfRangeException>(() => reference with { Length = -5 });
        Assert.Equal(6, (reference with { Length = 6 }).Length);
    }

    [Fact]
    public void A_long_bad_hash_is_shortened_in_the_message()
    {
        string huge = new('x', 10_000);

        var e = Assert.Throws<ArgumentException>(() => ArtifactRef.ThrowIfInvalidHash(huge));

        Assert.Contains("10000 characters", e.Message);
        Assert.True(e.Message.Length < 400, e.Message);
    }

    [Fact]
    public void Equal_parts_make_equal_references_and_the_text_shows_them()
    {
        var a = new ArtifactRef(Hash, 5, "text/plain");

        Assert.Equal(a, new ArtifactRef(Hash, 5, "text/plain"));
        Assert.NotEqual(a, new ArtifactRef(Hash, 5, "application/octet-stream"));
        Assert.Equal($"sha256:{Hash} (5 bytes, text/plain)", a.ToString());
    }
}
