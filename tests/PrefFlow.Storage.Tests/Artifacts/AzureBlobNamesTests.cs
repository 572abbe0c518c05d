using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class AzureBlobNamesTests
{
    private const string Hash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    [Theory]
    [InlineData(null, "sha256/2c/f2/" + Hash)]
    [InlineData("", "sha256/2c/f2/" + Hash)]
    [InlineData("prefflow", "prefflow/sha256/2c/f2/" + Hash)]
    [InlineData("prefflow/dev-1/", "prefflow/dev-1/sha256/2c/f2/" + Hash)]
    [InlineData("a.b/c_d", "a.b/c_d/sha256/2c/f2/" + Hash)]
    public void A_blob_name_is_the_prefix_then_the_hash_in_two_shards(string? prefix, string expected)
    {
        Assert.Equal(expected, AzureBlobNames.BlobName(prefix, Hash));
        Assert.Equal(Hash, AzureBlobNames.HashOf(prefix, expected));
    }

    [Theory]
    [MemberData(nameof(ArtifactStoreContract.InvalidHashes), MemberType = typeof(ArtifactStoreContract))]
    public void A_blob_name_cannot_be_built_from_anything_but_a_valid_hash(string hash)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => AzureBlobNames.BlobName("prefix", hash));

        Assert.Contains("not valid", e.Message);
    }

    [Fact]
    public void A_null_hash_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => AzureBlobNames.BlobName(null, null!));
    }

    [Theory]
    [InlineData("/abs")]
    [InlineData("..")]
    [InlineData("a/../b")]
    [InlineData("a/./b")]
    [InlineData("a//b")]
    [InlineData("/")]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a%2fb")]
    [InlineData("a//")]
    public void An_invalid_prefix_is_rejected(string prefix)
    {
        var e = Assert.Throws<ArgumentException>(() => AzureBlobNames.NormalizePrefix(prefix));
        Assert.Contains("prefix", e.Message);
        Assert.Throws<ArgumentException>(() => AzureBlobNames.BlobName(prefix, Hash));
    }

    [Fact]
    public void A_too_long_prefix_is_rejected()
    {
        Assert.Equal(new string('a', 256) + "/", AzureBlobNames.NormalizePrefix(new string('a', 256)));
        Assert.Throws<ArgumentException>(() => AzureBlobNames.NormalizePrefix(new string('a', 257)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("README")]
    [InlineData("sha256/2c/f2/" + Hash + ".bak")]
    [InlineData("sha256/2c/f3/" + Hash)]
    [InlineData("sha256/2c/" + Hash)]
    [InlineData("sha256/2C/F2/2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824")]
    [InlineData("other/sha256/2c/f2/" + Hash)]
    [InlineData("sha256/2c/f2/zcf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")]
    [InlineData("sha256x2c/f2/" + Hash)]
    public void Names_that_are_not_content_blobs_have_no_hash(string name)
    {
        Assert.Null(AzureBlobNames.HashOf(null, name));
    }

    [Fact]
    public void A_content_blob_of_another_prefix_has_no_hash_under_this_one()
    {
        Assert.Null(AzureBlobNames.HashOf("mine", "theirs/sha256/2c/f2/" + Hash));
        Assert.Null(AzureBlobNames.HashOf("mine", "sha256/2c/f2/" + Hash));
        Assert.Null(AzureBlobNames.HashOf(null, "mine/sha256/2c/f2/" + Hash));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("prefflow-artifacts")]
    [InlineData("a1-b2-c3")]
    [InlineData("123")]
    public void Valid_container_names_pass(string name)
    {
        Assert.Null(AzureBlobNames.ContainerNameError(name));
        Assert.Null(AzureBlobNames.ContainerNameError(new string('a', 63)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("ABC")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a--bc")]
    [InlineData("a.bc")]
    [InlineData("a/bc")]
    [InlineData("$root")]
    public void Invalid_container_names_are_explained(string? name)
    {
        string? error = AzureBlobNames.ContainerNameError(name);

        Assert.NotNull(error);
        Assert.Contains("container name", error);
        Assert.NotNull(AzureBlobNames.ContainerNameError(new string('a', 64)));
    }
}
