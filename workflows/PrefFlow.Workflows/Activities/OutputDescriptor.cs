namespace PrefFlow.Workflows.Activities;

/// <summary>One output an activity produces, which later nodes reference as <c>${nodes.id.outputs.name}</c>.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Type">The type of the value the output holds.</param>
/// <param name="Description">What the output holds, for catalogue listings.</param>
public sealed record OutputDescriptor(string Name, DataType Type, string Description = "")
{
    /// <summary>True for a number worth a column in a run's results table (a loss, a win rate); its header is <see cref="Name"/>.</summary>
    public bool IsMetric { get; init; }
}
