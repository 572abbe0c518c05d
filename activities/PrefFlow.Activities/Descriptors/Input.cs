using System.Text.Json.Nodes;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Descriptors;

/// <summary>Short forms of the input descriptors the activities declare.</summary>
internal static class Input
{
    public static InputDescriptor Artifact(string name, string description) =>
        new(name, DataType.Artifact, Required: true, Description: description);

    /// <summary>An artifact that only some settings of the activity need; the activity checks it is there when needed.</summary>
    public static InputDescriptor OptionalArtifact(string name, string description) =>
        new(name, DataType.Artifact, Description: description);

    public static InputDescriptor Integer(string name, long value, string description, double? minimum = null, double? maximum = null) =>
        new(name, DataType.Integer, Default: JsonValue.Create(value), Minimum: minimum, Maximum: maximum, Description: description);

    public static InputDescriptor RequiredInteger(string name, string description, double? minimum = null, double? maximum = null) =>
        new(name, DataType.Integer, Required: true, Minimum: minimum, Maximum: maximum, Description: description);

    public static InputDescriptor Number(string name, double value, string description, double? minimum = null, double? maximum = null,
        bool exclusiveMinimum = false, bool exclusiveMaximum = false) =>
        new(name, DataType.Number, Default: JsonValue.Create(value), Minimum: minimum, Maximum: maximum, Description: description)
        {
            ExclusiveMinimum = exclusiveMinimum,
            ExclusiveMaximum = exclusiveMaximum,
        };

    public static InputDescriptor Choice(string name, string value, IReadOnlyList<string> allowed, string description) =>
        new(name, DataType.String, Default: JsonValue.Create(value), AllowedValues: allowed, Description: description);

    public static InputDescriptor Text(string name, string value, string description) =>
        new(name, DataType.String, Default: JsonValue.Create(value), Description: description);

    public static InputDescriptor Flag(string name, bool value, string description) =>
        new(name, DataType.Boolean, Default: JsonValue.Create(value), Description: description);
}
