using System.Text.Json.Nodes;

namespace PrefFlow.Host.Hosting;

/// <summary>
/// Parameter values sent as a JSON object (by the API or a schedule) in the form the engine takes them: name to JSON
/// text. A JSON null stays "null", which the engine refuses for the parameter, naming it.
/// </summary>
internal static class ParameterOverrides
{
    public static Dictionary<string, string> From(JsonObject? parameters)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? value) in parameters ?? []) overrides[name] = value?.ToJsonString() ?? "null";
        return overrides;
    }
}
