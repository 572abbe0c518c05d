using PrefFlow.Storage.Artifacts;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Activities;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Checks that committed outputs can still be reused: every artifact output parses and its blob still verifies.</summary>
internal static class CommittedOutputs
{
    /// <summary>
    /// The outputs of <paramref name="committed"/> when they can be reused by node <paramref name="path"/> of
    /// <paramref name="run"/>; otherwise null, with an artifact.corrupt entry in the run's journal for a blob that no
    /// longer verifies.
    /// </summary>
    public static async Task<JsonObject?> VerifyAsync(
        RunExecution run, string path, ActivityDescriptor descriptor, NodeExecutionRecord committed, CancellationToken cancellationToken)
    {
        if (committed.OutputsJson is null) return null;
        var outputs = (JsonObject)JsonNode.Parse(committed.OutputsJson)!;
        foreach (OutputDescriptor output in descriptor.Outputs.Where(output => output.Type == DataType.Artifact))
        {
            if (!ArtifactValue.TryParse(outputs[output.Name], out ArtifactRef artifact, out _)) return null;
            try
            {
                await run.Artifacts.VerifyAsync(artifact, cancellationToken).ConfigureAwait(false);
            }
            catch (ArtifactCorruptedException corrupt)
            {
                string source = committed.RunId == run.RunId ? "" : $" (committed by run '{committed.RunId}', node '{committed.NodePath}')";
                await run.Journal.WriteAsync("artifact.corrupt", path,
                    $"output '{output.Name}'{source} no longer verifies, so the node runs again: {corrupt.Message}").ConfigureAwait(false);
                return null;
            }
        }
        return outputs;
    }
}
