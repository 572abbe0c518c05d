namespace PrefFlow.Workflows.Activities;

/// <summary>One output an activity produces, which later nodes reference as <c>${nodes.id.outputs.name}</c>.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Type">The type of the value the output holds.</param>
/// <param name="Description">What the output holds, for catalogue listings.</param>
public sealed record OutputDescriptor(string Name, DataType Type, string Description = "");
