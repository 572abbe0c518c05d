using System.Text.Json.Nodes;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Workflows.Activities;
using static TorchSharp.torch;

namespace PrefFlow.Activities.Artifacts;

/// <summary>Policies as artifacts: the learning core's safetensors checkpoint, stored and loaded through the context.</summary>
internal static class PolicyArtifact
{
    /// <summary>Loads the policy of input <paramref name="input"/> onto <paramref name="device"/>.</summary>
    public static async Task<TransformerPolicy> LoadAsync(IActivityContext context, string input, Device device, ScratchFolder scratch, CancellationToken cancellationToken)
    {
        byte[] bytes = await ArtifactIO.ReadAsync(context, input, MediaTypes.Policy, "a policy", cancellationToken).ConfigureAwait(false);
        string path = scratch.File(input + ".safetensors");
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        try
        {
            return PolicyCheckpoint.Load(path, device);
        }
        catch (CheckpointException e)
        {
            throw new ActivityException($"input '{input}' is not a usable policy: the file {e.Reason}.", e);
        }
    }

    /// <summary>Stores <paramref name="policy"/> and returns the artifact's JSON form.</summary>
    public static async Task<JsonObject> SaveAsync(IActivityContext context, TransformerPolicy policy, ScratchFolder scratch, CancellationToken cancellationToken)
    {
        string path = scratch.File("output-policy.safetensors");
        PolicyCheckpoint.Save(policy, path);
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        File.Delete(path);
        return await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Policy, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refuses a policy that cannot read the task's tokens or hold its longest prompt with <paramref name="newTokens"/> generated tokens.</summary>
    public static void CheckFits(TransformerPolicy policy, string input, int longestPrompt, int newTokens)
    {
        if (policy.Config.VocabularySize != PrefFlow.Learning.Tasks.Vocabulary.Size || policy.Config.ContextLength < longestPrompt + newTokens)
        {
            throw new ActivityException($"input '{input}': the policy (vocabulary {policy.Config.VocabularySize}, context {policy.Config.ContextLength} tokens) " +
                $"was not made for this task (vocabulary {PrefFlow.Learning.Tasks.Vocabulary.Size}, prompts of up to {longestPrompt} tokens and responses of up to {newTokens}).");
        }
    }
}
