namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// An edge of a flowchart, JSON <c>{"from": "sample", "to": "train"}</c>: <see cref="To"/> runs after
/// <see cref="From"/> completes. Both name nodes of the same flowchart.
/// </summary>
/// <param name="From">The id of the node that runs first.</param>
/// <param name="To">The id of the node that runs after it.</param>
public sealed record EdgeDefinition(string From, string To);
