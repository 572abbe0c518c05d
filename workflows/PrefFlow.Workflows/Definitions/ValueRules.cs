using PrefFlow.Workflows.Activities;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Definitions;

/// <summary>Checks a literal JSON value against a type, a range and allowed values; shared by parameters and inputs.</summary>
internal static class ValueRules
{
    public static string TypeName(DataType type) => type switch
    {
        DataType.Integer => "an integer",
        DataType.Number => "a number",
        DataType.String => "a string",
        DataType.Boolean => "a boolean",
        DataType.Artifact => "an artifact",
        _ => "any value",
    };

    /// <summary>True when a value of <paramref name="actual"/> type may go where <paramref name="expected"/> is taken.</summary>
    public static bool Compatible(DataType actual, DataType expected) =>
        actual == expected || actual == DataType.Any || expected == DataType.Any
        || (actual == DataType.Integer && expected == DataType.Number);

    /// <summary>Null when the value fits; otherwise the tail of a reason, "must be ..., but it is ...".</summary>
    public static string? Check(
        JsonNode? value, DataType type, double? minimum, bool exclusiveMinimum, double? maximum, bool exclusiveMaximum,
        IReadOnlyList<string>? allowed)
    {
        if (type == DataType.Any) return null;
        JsonValueKind kind = value?.GetValueKind() ?? JsonValueKind.Null;
        bool fits = type switch
        {
            DataType.Integer => kind == JsonValueKind.Number && IsWhole(Number(value!)),
            DataType.Number => kind == JsonValueKind.Number,
            // An artifact given as a literal is its content address, a string.
            DataType.String or DataType.Artifact => kind == JsonValueKind.String,
            DataType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (!fits) return $"must be {TypeName(type)}, but it is {Describe(value)}.";
        if (kind == JsonValueKind.Number)
        {
            double number = Number(value!);
            if (minimum is { } min && (number < min || (exclusiveMinimum && number == min)))
            {
                return $"must be {(exclusiveMinimum ? "more than" : "at least")} {Format(min)}, but it is {value!.ToJsonString()}.";
            }
            if (maximum is { } max && (number > max || (exclusiveMaximum && number == max)))
            {
                return $"must be {(exclusiveMaximum ? "less than" : "at most")} {Format(max)}, but it is {value!.ToJsonString()}.";
            }
        }
        if (kind == JsonValueKind.String && allowed is not null && !allowed.Contains(value!.GetValue<string>(), StringComparer.Ordinal))
        {
            return $"must be one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}, but it is {Describe(value)}.";
        }
        return null;
    }

    // Error text is read by people: keep '+', '<' and non-ASCII letters as written.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Describe(JsonNode? value) => (value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string {value!.ToJsonString(Readable)}",
        JsonValueKind.Number => $"the number {value!.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value!.ToJsonString()}",
        _ => "null",
    };

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Through the JSON text, so that values built in code (JsonValue.Create(3)) read like parsed ones.
    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool IsWhole(double number) => double.IsFinite(number) && number == Math.Floor(number);
}
