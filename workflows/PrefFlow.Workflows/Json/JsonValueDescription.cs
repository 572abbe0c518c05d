using System.Text.Json;

namespace PrefFlow.Workflows.Json;

/// <summary>Names a JSON value the way error messages quote it ("the string \"x\"", "a list", ...).</summary>
internal static class JsonValueDescription
{
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
