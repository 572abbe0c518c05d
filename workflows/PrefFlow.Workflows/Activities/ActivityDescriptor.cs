namespace PrefFlow.Workflows.Activities;

/// <summary>What a definition may know of an activity: its name, inputs and outputs.</summary>
/// <param name="Name">The name a node's "activity" gives, e.g. "sample".</param>
/// <param name="Category">A grouping for listings, e.g. "learning" or "selection".</param>
/// <param name="Description">What the activity does.</param>
/// <param name="Inputs">The inputs it takes, names unique.</param>
/// <param name="Outputs">The outputs it produces, names unique.</param>
public sealed record ActivityDescriptor(
    string Name,
    string Category,
    string Description,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs)
{
    /// <summary>
    /// The version of what the activity computes; bump it when the same inputs would give different outputs, so
    /// committed outputs of the old version are not reused on resume.
    /// </summary>
    public int Version { get; init; } = 1;

    /// <summary>The input named <paramref name="name"/>, or null.</summary>
    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(input => input.Name == name);

    /// <summary>The output named <paramref name="name"/>, or null.</summary>
    public OutputDescriptor? FindOutput(string name) => Outputs.FirstOrDefault(output => output.Name == name);
}
