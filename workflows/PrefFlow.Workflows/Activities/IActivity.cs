using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Activities;

/// <summary>
/// A step a node runs. An activity is stateless between executions: everything it needs comes through its
/// context (inputs, seed, artifacts, checkpoint) and everything it produces is in the returned outputs. Given the
/// same inputs and seed it must return the same outputs, so a resumed run equals an uninterrupted one.
/// </summary>
public interface IActivity
{
    /// <summary>The activity's name, inputs and outputs, for validation and the designer.</summary>
    ActivityDescriptor Descriptor { get; }

    /// <summary>
    /// Runs the activity and returns one value per output of the <see cref="Descriptor"/>: artifacts as
    /// <see cref="ArtifactValue"/> JSON, numbers, strings or booleans otherwise.
    /// </summary>
    /// <exception cref="ActivityException">The work cannot be done with these inputs (permanent: not retried).</exception>
    /// <exception cref="TransientActivityException">The work failed for a reason that may pass (retried).</exception>
    /// <exception cref="OperationCanceledException">Cancelled through <paramref name="cancellationToken"/>.</exception>
    Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken);
}
