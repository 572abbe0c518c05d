using PrefFlow.Activities.Tasks;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Artifacts;

/// <summary>Reads the task definition written by the <c>task</c> activity.</summary>
internal static class TaskArtifact
{
    public static async Task<TaskDefinition> ReadAsync(IActivityContext context, string input, CancellationToken cancellationToken)
    {
        byte[] bytes = await ArtifactIO.ReadAsync(context, input, MediaTypes.Json, "a task definition", cancellationToken).ConfigureAwait(false);
        try
        {
            return TaskDefinition.Parse(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new ActivityException($"input '{input}' is not a task definition: {e.Message}.", e);
        }
    }
}
