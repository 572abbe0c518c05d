using System.Text.Json.Nodes;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Tests;

/// <summary>A real artifact store in a temporary folder and the built-in activities on CPU, for running nodes one by one.</summary>
internal sealed class Harness : IDisposable
{
    public static readonly LearningEnvironment Cpu = new("cpu");

    private readonly string _root = Directory.CreateTempSubdirectory("prefflow-activity-tests-").FullName;

    public Harness()
    {
        Store = new LocalFolderArtifactStore(_root);
    }

    public LocalFolderArtifactStore Store { get; }

    public BuiltInActivities Activities { get; } = new(Cpu);

    public IActivity Get(string name) => Activities.Registry.Get(name);

    public TestActivityContext Context(string activity, Dictionary<string, JsonNode?> inputs, ulong seed = 1, TestActivityContext.CheckpointSlot? slot = null, Action<ActivityProgress>? onProgress = null) =>
        new(Get(activity).Descriptor, Store, inputs, seed, slot) { OnProgress = onProgress };

    public async Task<IReadOnlyDictionary<string, JsonNode?>> RunAsync(string activity, Dictionary<string, JsonNode?> inputs, ulong seed = 1, CancellationToken cancellationToken = default)
    {
        var outputs = await Get(activity).ExecuteAsync(Context(activity, inputs, seed), cancellationToken);
        Assert.Equal(Get(activity).Descriptor.Outputs.Select(o => o.Name).Order(), outputs.Keys.Order());
        return outputs;
    }

    public Task<IReadOnlyDictionary<string, JsonNode?>> RunAsync(TestActivityContext context, string activity, CancellationToken cancellationToken = default) =>
        Get(activity).ExecuteAsync(context, cancellationToken);

    public async Task<byte[]> ReadAsync(JsonNode? artifact)
    {
        Assert.True(ArtifactValue.TryParse(artifact, out ArtifactRef reference, out string? error), error);
        await using var stream = await Store.OpenReadAsync(reference);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Stores raw bytes under a media type, e.g. to hand an activity something of the wrong kind.</summary>
    public async Task<JsonObject> PutAsync(byte[] bytes, string mediaType)
    {
        using var stream = new MemoryStream(bytes);
        return ArtifactValue.ToJson(await Store.PutAsync(stream, mediaType));
    }

    public static string Hash(JsonNode? artifact) => artifact!["sha256"]!.GetValue<string>();

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
