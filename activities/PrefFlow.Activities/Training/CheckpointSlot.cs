using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Training;

/// <summary>
/// Connects a trainer's checkpoint file to the engine: before training, the node's latest checkpoint (if any)
/// is copied into the file so the trainer continues from it; each time the trainer writes the file, it is stored
/// as an artifact and recorded with the context. The state JSON is <c>{"kind": "sft"|"dpo", "step": N}</c>.
/// </summary>
internal sealed class CheckpointSlot(IActivityContext context, string path, string kind)
{
    /// <summary>The checkpoint file the trainer reads and writes.</summary>
    public string Path { get; } = path;

    /// <summary>The step of the restored checkpoint, or 0 when training starts afresh.</summary>
    public long RestoredStep { get; private set; }

    /// <summary>Copies the node's latest checkpoint into <see cref="Path"/>; false when there is none usable.</summary>
    public async Task<bool> RestoreAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await context.LoadCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is null) return false;
        if (!(checkpoint.State["kind"] is JsonValue found && found.TryGetValue(out string? name) && name == kind) || checkpoint.Artifact.MediaType != MediaTypes.TrainingState)
        {
            context.Log($"ignoring a checkpoint that is not {kind} training state; training starts afresh");
            return false;
        }
        try
        {
            byte[] bytes = await ArtifactIO.ReadAsync(context, checkpoint.Artifact, "checkpoint", cancellationToken).ConfigureAwait(false);
            await File.WriteAllBytesAsync(Path, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ActivityException e)
        {
            context.Log($"the checkpoint cannot be read ({e.Message}); training starts afresh");
            return false;
        }
        RestoredStep = Step(checkpoint.State);
        context.Log($"continuing {kind} training from the checkpoint at step {RestoredStep}");
        return true;
    }

    /// <summary>Drops a restored checkpoint the trainer refused, so training can start afresh.</summary>
    public void Discard(Exception reason)
    {
        context.Log($"the checkpoint does not fit this training ({reason.Message}); training starts afresh");
        File.Delete(Path);
        RestoredStep = 0;
    }

    /// <summary>
    /// Stores the file the trainer just wrote and records it. Called on the training thread, which waits: the
    /// store is not cancelled, so a checkpoint written just before a cancellation is still kept.
    /// </summary>
    public void Saved(int step) => SaveAsync(step).GetAwaiter().GetResult();

    private static long Step(JsonObject state) => state["step"] switch
    {
        JsonValue value when value.TryGetValue(out long step) => step,
        JsonValue value when value.TryGetValue(out int step) => step,
        _ => 0,
    };

    private async Task SaveAsync(int step)
    {
        byte[] bytes = await File.ReadAllBytesAsync(Path).ConfigureAwait(false);
        var reference = await ArtifactIO.PutAsync(context, bytes, MediaTypes.TrainingState, CancellationToken.None).ConfigureAwait(false);
        await context.SaveCheckpointAsync(new ActivityCheckpoint(reference, new JsonObject { ["kind"] = kind, ["step"] = (long)step }), CancellationToken.None).ConfigureAwait(false);
    }
}
