using System.Text;
using PrefFlow.Storage.Artifacts;

namespace PrefFlow.Storage.Tests.Artifacts;

public sealed class ArtifactManifestTests : IDisposable
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string HelloHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "prefflow-manifest-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static ArtifactManifest Sample()
    {
        var manifest = new ArtifactManifest();
        manifest.Add("policy", new ArtifactRef(HelloHash, 5, "application/x-safetensors"));
        manifest.Add("dataset.train", new ArtifactRef(EmptyHash, 0, "application/x-ndjson; charset=utf-8"));
        manifest.Add("a_1-b", new ArtifactRef(HelloHash, 5, "text/plain"));
        return manifest;
    }

    private static string Entry(string name, string body) =>
        $$$"""{"version": 1, "artifacts": {"{{{name}}}": {{{body}}}}}""";

    [Fact]
    public void Json_round_trips_entries_in_order()
    {
        ArtifactManifest manifest = Sample();

        ArtifactManifest read = ArtifactManifest.Parse(manifest.ToJson());

        Assert.Equal(["policy", "dataset.train", "a_1-b"], read.Names);
        Assert.Equal(manifest.ToList(), read.ToList());
        Assert.Equal(manifest.ToJson(), read.ToJson());
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var manifest = new ArtifactManifest();
        manifest.Add("model", new ArtifactRef(HelloHash, 5, "application/vnd.prefflow+json"));

        string json = manifest.ToJson();

        Assert.Equal(
            "{\n  \"version\": 1,\n  \"artifacts\": {\n    \"model\": {\n      \"sha256\": \"" + HelloHash +
            "\",\n      \"length\": 5,\n      \"mediaType\": \"application/vnd.prefflow+json\"\n    }\n  }\n}",
            json);
    }

    [Fact]
    public void An_empty_manifest_round_trips()
    {
        ArtifactManifest read = ArtifactManifest.Parse(new ArtifactManifest().ToJson());

        Assert.Empty(read);
        Assert.Empty(read.Names);
    }

    [Fact]
    public void Lookups_find_entries_and_name_the_missing_one()
    {
        ArtifactManifest manifest = Sample();

        Assert.Equal(5, manifest["policy"].Length);
        Assert.True(manifest.TryGetValue("dataset.train", out ArtifactRef dataset));
        Assert.Equal(EmptyHash, dataset.Sha256);
        Assert.True(manifest.Contains("a_1-b"));
        var e = Assert.Throws<KeyNotFoundException>(() => manifest["reward"]);
        Assert.Contains("\"reward\"", e.Message);
        Assert.Contains("\"policy\"", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Policy")]
    [InlineData("1policy")]
    [InlineData("_policy")]
    [InlineData("po licy")]
    [InlineData("../policy")]
    [InlineData("po/licy")]
    [InlineData("policy\n")]
    [InlineData("a1234567890123456789012345678901234567890123456789012345678901234")]
    public void A_bad_name_is_rejected_by_add_and_parse(string name)
    {
        var manifest = new ArtifactManifest();

        var added = Assert.Throws<ArgumentException>(() => manifest.Add(name, new ArtifactRef(EmptyHash, 0, "text/plain")));
        var parsed = Assert.Throws<FormatException>(() => ArtifactManifest.Parse(
            Entry(System.Text.Json.JsonEncodedText.Encode(name).ToString(), $$"""{"sha256": "{{EmptyHash}}", "length": 0, "mediaType": "text/plain"}""")));

        Assert.False(ArtifactManifest.IsValidName(name));
        Assert.Contains("name", added.Message);
        Assert.Contains("is not valid", parsed.Message);
        Assert.Empty(manifest);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("policy")]
    [InlineData("dataset.train-2_b")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890123")]
    public void Good_names_are_accepted(string name)
    {
        Assert.True(ArtifactManifest.IsValidName(name));
        var manifest = new ArtifactManifest();
        manifest.Add(name, new ArtifactRef(EmptyHash, 0, "text/plain"));
        Assert.Equal([name], ArtifactManifest.Parse(manifest.ToJson()).Names);
    }

    [Fact]
    public void A_name_cannot_be_added_twice_nor_with_an_empty_reference()
    {
        ArtifactManifest manifest = Sample();

        var twice = Assert.Throws<ArgumentException>(() => manifest.Add("policy", new ArtifactRef(EmptyHash, 0, "text/plain")));
        var empty = Assert.Throws<ArgumentException>(() => manifest.Add("other", default));

        Assert.Contains("already", twice.Message);
        Assert.Contains("\"other\"", empty.Message);
        Assert.Equal(3, manifest.Count);
    }

    [Theory]
    [InlineData("../../etc/passwd", "characters")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "upper-case")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", "63 characters")]
    public void A_bad_hash_is_rejected_naming_the_entry(string hash, string why)
    {
        var e = Assert.Throws<FormatException>(() => ArtifactManifest.Parse(
            Entry("policy", $$"""{"sha256": "{{hash}}", "length": 0, "mediaType": "text/plain"}""")));

        Assert.Contains("\"policy\"", e.Message);
        Assert.Contains(hash, e.Message);
        Assert.Contains(why, e.Message);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"artifacts": {}}""", "no \"version\"")]
    [InlineData("""{"version": 2, "artifacts": {}}""", "version 2")]
    [InlineData("""{"version": 1}""", "no \"artifacts\"")]
    [InlineData("""{"version": 1, "artifacts": []}""", "must be an object")]
    [InlineData("""{"version": 1, "artifacts": {}, "extra": 1}""", "unknown property \"extra\"")]
    [InlineData("""{"version": 1, "version": 1, "artifacts": {}}""", "twice")]
    public void A_malformed_manifest_says_what_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ArtifactManifest.Parse(json));

        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("""[]""", "must be an object")]
    [InlineData("""{"length": 0, "mediaType": "text/plain"}""", "no \"sha256\"")]
    [InlineData("""{"sha256": "HASH", "mediaType": "text/plain"}""", "no \"length\"")]
    [InlineData("""{"sha256": "HASH", "length": 0}""", "no \"mediaType\"")]
    [InlineData("""{"sha256": "HASH", "length": -1, "mediaType": "text/plain"}""", "\"length\" of -1")]
    [InlineData("""{"sha256": "HASH", "length": 1.5, "mediaType": "text/plain"}""", "\"length\" of 1.5")]
    [InlineData("""{"sha256": "HASH", "length": "5", "mediaType": "text/plain"}""", "\"length\" of \"5\"")]
    [InlineData("""{"sha256": 5, "length": 0, "mediaType": "text/plain"}""", "not a string")]
    [InlineData("""{"sha256": "HASH", "length": 0, "mediaType": "plain"}""", "media type \"plain\"")]
    [InlineData("""{"sha256": "HASH", "length": 0, "mediaType": "text/plain", "size": 0}""", "unknown property \"size\"")]
    [InlineData("""{"sha256": "HASH", "sha256": "HASH", "length": 0, "mediaType": "text/plain"}""", "\"sha256\" twice")]
    public void A_bad_entry_is_named_with_what_is_wrong(string body, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ArtifactManifest.Parse(Entry("policy", body.Replace("HASH", EmptyHash))));

        Assert.Contains("entry \"policy\"", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_repeated_entry_is_rejected()
    {
        string body = $$"""{"sha256": "{{EmptyHash}}", "length": 0, "mediaType": "text/plain"}""";

        var e = Assert.Throws<FormatException>(() => ArtifactManifest.Parse(
            $$$"""{"version": 1, "artifacts": {"policy": {{{body}}}, "policy": {{{body}}}}}"""));

        Assert.Contains("\"policy\" twice", e.Message);
    }

    [Fact]
    public async Task Verify_all_names_the_missing_and_the_corrupt_outputs_in_order()
    {
        var store = new LocalFolderArtifactStore(_root);
        var manifest = new ArtifactManifest();
        manifest.Add("intact", await store.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("intact")), "text/plain"));
        manifest.Add("missing", await store.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("missing")), "text/plain"));
        manifest.Add("corrupt", await store.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes("corrupt")), "text/plain"));
        manifest.Add("empty", await store.PutAsync(new MemoryStream(), "text/plain"));
        Assert.Empty(await manifest.VerifyAllAsync(store));

        await store.DeleteAsync(manifest["missing"].Sha256);
        await File.WriteAllTextAsync(store.BlobPath(manifest["corrupt"].Sha256), "CORRUPT");

        Assert.Equal(["missing", "corrupt"], await manifest.VerifyAllAsync(store));
    }

    [Fact]
    public async Task Verify_all_honours_cancellation()
    {
        var store = new LocalFolderArtifactStore(_root);
        ArtifactManifest manifest = Sample();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => manifest.VerifyAllAsync(store, cancellation.Token));
    }
}
