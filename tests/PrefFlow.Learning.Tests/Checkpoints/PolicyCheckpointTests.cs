using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using static TorchSharp.torch;

namespace PrefFlow.Learning.Tests.Checkpoints;

public sealed class PolicyCheckpointTests
{
    [Fact]
    public void Save_and_load_round_trip_gives_the_same_model()
    {
        using var folder = new TestModels.TempFolder();
        using var policy = TestModels.Create(3);
        PolicyCheckpoint.Save(policy, folder.File("p.safetensors"));
        using var loaded = PolicyCheckpoint.Load(folder.File("p.safetensors"));
        Assert.Equal(policy.Config, loaded.Config);
        using var input = tensor(new long[] { 1, 4, 10, 11, 3, 12 }, [1, 6]);
        using var a = policy.Forward(input);
        using var b = loaded.Forward(input);
        Assert.True(a.eq(b).all().item<bool>(), "identical weights give identical logits");
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_other_seeds_do_not()
    {
        using var folder = new TestModels.TempFolder();
        using var a = TestModels.Create(11);
        using var b = TestModels.Create(11);
        using var c = TestModels.Create(12);
        PolicyCheckpoint.Save(a, folder.File("a"));
        PolicyCheckpoint.Save(b, folder.File("b"));
        PolicyCheckpoint.Save(c, folder.File("c"));
        Assert.Equal(File.ReadAllBytes(folder.File("a")), File.ReadAllBytes(folder.File("b")));
        Assert.NotEqual(File.ReadAllBytes(folder.File("a")), File.ReadAllBytes(folder.File("c")));
    }

    [Fact]
    public void The_file_is_readable_safetensors_with_format_metadata()
    {
        using var folder = new TestModels.TempFolder();
        using var policy = TestModels.Create(3);
        PolicyCheckpoint.Save(policy, folder.File("p.safetensors"));
        byte[] bytes = File.ReadAllBytes(folder.File("p.safetensors"));
        ulong headerLength = BitConverter.ToUInt64(bytes, 0);
        string header = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)headerLength);
        Assert.Contains("\"format\":\"prefflow.policy\"", header);
        Assert.Contains("\"format_version\":\"1\"", header);
        Assert.Contains("\"dtype\":\"F32\"", header);
        long dataBytes = policy.parameters().Sum(p => p.numel()) * 4;
        Assert.Equal(8 + (long)headerLength + dataBytes, bytes.Length);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_clearly()
    {
        using var folder = new TestModels.TempFolder();
        using var policy = TestModels.Create(3);
        string path = folder.File("p.safetensors");
        PolicyCheckpoint.Save(policy, path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var error = Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(path));
        Assert.Contains("truncated", error.Message);
        Assert.Contains(path, error.Message);
        File.WriteAllBytes(path, bytes[..5]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(path)).Message);
    }

    [Fact]
    public void An_altered_checkpoint_is_refused_clearly()
    {
        using var folder = new TestModels.TempFolder();
        using var policy = TestModels.Create(3);
        string path = folder.File("p.safetensors");
        PolicyCheckpoint.Save(policy, path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(path));
        Assert.Contains("altered", error.Message);
    }

    [Fact]
    public void Altered_metadata_is_refused_clearly()
    {
        using var folder = new TestModels.TempFolder();
        using var policy = TestModels.Create(3);
        string path = folder.File("p.safetensors");
        PolicyCheckpoint.Save(policy, path);
        byte[] bytes = File.ReadAllBytes(path);
        string text = System.Text.Encoding.Latin1.GetString(bytes);
        // The configuration is JSON inside the header's JSON: find "Layers" and the digit after it.
        int at = text.IndexOf(":2", text.IndexOf("Layers", StringComparison.Ordinal), StringComparison.Ordinal) + 1;
        Assert.True(at > 0);
        bytes[at] = (byte)'3';   // same length, different configuration
        File.WriteAllBytes(path, bytes);
        Assert.Contains("altered", Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(path)).Message);
    }

    [Fact]
    public void A_missing_or_foreign_file_is_refused_clearly()
    {
        using var folder = new TestModels.TempFolder();
        Assert.Contains("cannot be read", Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(folder.File("none"))).Message);
        File.WriteAllText(folder.File("text"), "this is not a checkpoint at all, just some text");
        Assert.Contains("not a safetensors file", Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(folder.File("text"))).Message);
        SafeTensorsFile.Write(folder.File("other"), [], new Dictionary<string, string> { ["format"] = "something.else", ["format_version"] = "1" });
        Assert.Contains("not a 'prefflow.policy' checkpoint", Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(folder.File("other"))).Message);
        SafeTensorsFile.Write(folder.File("future"), [], new Dictionary<string, string> { ["format"] = PolicyCheckpoint.Format, ["format_version"] = "99" });
        Assert.Contains("format version 99", Assert.Throws<CheckpointException>(() => PolicyCheckpoint.Load(folder.File("future"))).Message);
    }

    [Theory]
    [InlineData("tiny", 799_232)]
    [InlineData("small", 4_750_848)]
    public void Preset_parameter_counts_match_the_built_model(string preset, long expected)
    {
        var config = PolicyPresets.Get(preset, TestModels.Task);
        Assert.Equal(expected, config.ParameterCount);
        using var policy = new TransformerPolicy(config, 1);
        Assert.Equal(expected, policy.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void An_unknown_preset_names_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => PolicyPresets.Get("huge", TestModels.Task));
        Assert.Contains("tiny, small, medium, large", error.Message);
    }
}
