using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Descriptors;

/// <summary>Short forms of the output descriptors the activities declare.</summary>
internal static class Output
{
    public static OutputDescriptor Artifact(string name, string description) => new(name, DataType.Artifact, description);

    public static OutputDescriptor Integer(string name, string description) => new(name, DataType.Integer, description);

    public static OutputDescriptor Number(string name, string description) => new(name, DataType.Number, description);

    /// <summary>A number worth a column in a run's results table.</summary>
    public static OutputDescriptor Metric(string name, string description, DataType type = DataType.Number) =>
        new(name, type, description) { IsMetric = true };
}
