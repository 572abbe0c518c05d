using System.Text.Json.Nodes;

namespace PrefFlow.Host.Hosting;

/// <summary>
/// Parameter values sent as a JSON object (by the API or a schedule) in the form the engine takes them: name to text.
/// A JSON string gives its text (the engine reads text as the parameter's type, and a string parameter takes it as it
/// is, so "largest" must not arrive quoted); other values give their JSON. A JSON null stays "null", which the engine
/// refuses for the parameter, naming it.
/// </summary>
internal static class ParameterOverrides
{
    public static Dictionary<string, string> From(JsonObject? parameters)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? value) in parameters ?? []) overrides[name] = value switch
        {
            null => "null",
            JsonValue text when text.TryGetValue(out string? raw) => raw,
            _ => value.ToJsonString(),
        };
        return overrides;
    }
}
