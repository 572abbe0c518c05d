using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// Checks what an activity returned against its descriptor before anything is committed: every declared output
/// present with its type, nothing else, and every output blob stored and intact.
/// </summary>
internal static class OutputValidator
{
    public static async Task<JsonObject> ValidateAsync(
        ActivityDescriptor descriptor, IReadOnlyDictionary<string, JsonNode?> produced, IArtifactStore artifacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(produced, $"outputs of activity '{descriptor.Name}'");
        var outputs = new JsonObject();
        foreach (string extra in produced.Keys.Where(name => descriptor.FindOutput(name) is null))
        {
            throw new InvalidOperationException($"activity '{descriptor.Name}' returned '{extra}', which its descriptor does not declare.");
        }
        foreach (OutputDescriptor output in descriptor.Outputs)
        {
            if (!produced.TryGetValue(output.Name, out JsonNode? value))
            {
                throw new InvalidOperationException($"activity '{descriptor.Name}' did not return its output '{output.Name}'.");
            }
            if (output.Type == DataType.Artifact)
            {
                if (!ArtifactValue.TryParse(value, out ArtifactRef artifact, out string? error))
                {
                    throw new InvalidOperationException($"activity '{descriptor.Name}' returned a bad '{output.Name}': {error}.");
                }
                await artifacts.VerifyAsync(artifact, cancellationToken).ConfigureAwait(false);
            }
            // Null says "not available" (e.g. a ranking accuracy of pairs that were never scored).
            else if (value is not null && ValueRules.Check(value, output.Type, null, false, null, false, null) is { } problem)
            {
                throw new InvalidOperationException($"activity '{descriptor.Name}' returned a bad '{output.Name}': it {problem}");
            }
            outputs[output.Name] = value?.DeepClone();
        }
        return outputs;
    }
}
