using PrefFlow.Workflows.Json;
using PrefFlow.Workflows.Activities;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Definitions;

/// <summary>Turns a parsed JSON document into the model, collecting every shape error with its pointer.</summary>
internal sealed class DefinitionShape
{
    internal static readonly string[] RootProperties = ["$schema", "id", "version", "name", "description", "parameters", "nodes", "edges"];
    internal static readonly string[] ParameterProperties = ["type", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum", "description"];
    internal static readonly string[] NodeProperties = ["id", "activity", "loop", "inputs", "retry", "description"];
    internal static readonly string[] LoopProperties = ["schedule", "carry", "nodes", "edges", "next"];
    internal static readonly string[] EdgeProperties = ["from", "to"];
    internal static readonly string[] RetryProperties = ["attempts", "backoffSeconds", "timeoutSeconds"];
    private static readonly Dictionary<string, DataType> ParameterTypes = new(StringComparer.Ordinal)
    {
        ["integer"] = DataType.Integer,
        ["number"] = DataType.Number,
        ["string"] = DataType.String,
        ["boolean"] = DataType.Boolean,
    };

    private readonly List<DefinitionError> _errors = [];

    public DefinitionReadResult Read(JsonElement root)
    {
        WorkflowDefinition? definition = ReadRoot(root);
        _errors.Sort();
        return new(definition, _errors);
    }

    private WorkflowDefinition? ReadRoot(JsonElement root)
    {
        Dictionary<string, JsonElement>? map = Properties(root, "", "a workflow definition", RootProperties);
        if (map is null) return null;
        string? id = RequiredString(map, "", "id");
        int? version = Required(map, "", "version") is { } v ? Integer(v, "/version", "version") : null;
        string? name = RequiredString(map, "", "name");
        string? description = OptionalString(map, "", "description");
        if (map.TryGetValue("$schema", out JsonElement schema)) String(schema, "/$schema", "$schema");
        List<ParameterDefinition> parameters = map.TryGetValue("parameters", out JsonElement p) ? Parameters(p) : [];
        List<NodeDefinition> nodes = Required(map, "", "nodes") is { } n ? Nodes(n, "/nodes") : [];
        List<EdgeDefinition> edges = map.TryGetValue("edges", out JsonElement e) ? Edges(e, "/edges") : [];
        return id is null || version is null || name is null ? null
            : new(id, version.Value, name, description, parameters, nodes, edges);
    }

    private List<ParameterDefinition> Parameters(JsonElement value)
    {
        var parameters = new List<ParameterDefinition>();
        Dictionary<string, JsonElement>? map = FreeProperties(value, "/parameters", "parameters");
        if (map is null) return parameters;
        foreach ((string name, JsonElement element) in map)
        {
            string pointer = JsonPointer.Append("/parameters", name);
            Dictionary<string, JsonElement>? properties = Properties(element, pointer, $"the parameter '{name}'", ParameterProperties);
            if (properties is null) continue;
            DataType? type = null;
            if (Required(properties, pointer, "type") is { } t && String(t, pointer + "/type", "type") is { } typeName)
            {
                if (ParameterTypes.TryGetValue(typeName, out DataType known)) type = known;
                else Error(pointer + "/type", $"unknown parameter type '{typeName}'; expected one of integer, number, string, boolean.");
            }
            JsonElement? defaultElement = Required(properties, pointer, "default");
            JsonNode? defaultValue = defaultElement is { } d ? Node(d, pointer + "/default") : null;
            double? minimum = OptionalNumber(properties, pointer, "minimum");
            double? maximum = OptionalNumber(properties, pointer, "maximum");
            bool exclusiveMinimum = OptionalBoolean(properties, pointer, "exclusiveMinimum");
            bool exclusiveMaximum = OptionalBoolean(properties, pointer, "exclusiveMaximum");
            List<string>? allowed = properties.TryGetValue("enum", out JsonElement list) ? Strings(list, pointer + "/enum", "enum") : null;
            string? description = OptionalString(properties, pointer, "description");
            if (type is { } parameterType && defaultElement is not null)
            {
                parameters.Add(new(name, parameterType, defaultValue, minimum, maximum, exclusiveMinimum, exclusiveMaximum, allowed, description));
            }
        }
        return parameters;
    }

    private List<NodeDefinition> Nodes(JsonElement value, string pointer)
    {
        var nodes = new List<NodeDefinition>();
        if (!IsArray(value, pointer, "nodes", "a list of nodes")) return nodes;
        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            if (NodeAt(element, JsonPointer.Append(pointer, index++)) is { } node) nodes.Add(node);
        }
        return nodes;
    }

    private NodeDefinition? NodeAt(JsonElement value, string pointer)
    {
        Dictionary<string, JsonElement>? map = Properties(value, pointer, "a node", NodeProperties);
        if (map is null) return null;
        string? id = RequiredString(map, pointer, "id");
        string? activity = OptionalString(map, pointer, "activity");
        LoopDefinition? loop = map.TryGetValue("loop", out JsonElement l) ? Loop(l, pointer + "/loop") : null;
        Dictionary<string, JsonNode?> inputs = map.TryGetValue("inputs", out JsonElement i) ? Values(i, pointer + "/inputs", "inputs") : [];
        RetryDefinition? retry = map.TryGetValue("retry", out JsonElement r) ? Retry(r, pointer + "/retry") : null;
        string? description = OptionalString(map, pointer, "description");
        return id is null ? null : new(id, activity, loop, inputs, retry, description);
    }

    private LoopDefinition? Loop(JsonElement value, string pointer)
    {
        Dictionary<string, JsonElement>? map = Properties(value, pointer, "loop", LoopProperties);
        if (map is null) return null;
        JsonNode? schedule = Required(map, pointer, "schedule") is { } s ? Node(s, pointer + "/schedule") : null;
        Dictionary<string, JsonNode?> carry = map.TryGetValue("carry", out JsonElement c) ? Values(c, pointer + "/carry", "carry") : [];
        List<NodeDefinition> nodes = Required(map, pointer, "nodes") is { } n ? Nodes(n, pointer + "/nodes") : [];
        List<EdgeDefinition> edges = map.TryGetValue("edges", out JsonElement e) ? Edges(e, pointer + "/edges") : [];
        Dictionary<string, JsonNode?> next = map.TryGetValue("next", out JsonElement x) ? Values(x, pointer + "/next", "next") : [];
        return new(schedule, carry, nodes, edges, next);
    }

    private List<EdgeDefinition> Edges(JsonElement value, string pointer)
    {
        var edges = new List<EdgeDefinition>();
        if (!IsArray(value, pointer, "edges", "a list of edges")) return edges;
        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            string edgePointer = JsonPointer.Append(pointer, index++);
            Dictionary<string, JsonElement>? map = Properties(element, edgePointer, "an edge", EdgeProperties);
            if (map is null) continue;
            string? from = RequiredString(map, edgePointer, "from");
            string? to = RequiredString(map, edgePointer, "to");
            if (from is not null && to is not null) edges.Add(new(from, to));
        }
        return edges;
    }

    private RetryDefinition? Retry(JsonElement value, string pointer)
    {
        Dictionary<string, JsonElement>? map = Properties(value, pointer, "retry", RetryProperties);
        if (map is null) return null;
        int? attempts = map.TryGetValue("attempts", out JsonElement a) ? Integer(a, pointer + "/attempts", "attempts") : null;
        double? backoff = OptionalNumber(map, pointer, "backoffSeconds");
        double? timeout = OptionalNumber(map, pointer, "timeoutSeconds");
        return new(attempts, backoff, timeout);
    }

    // An object whose property names are fixed: unknown and repeated names are errors.
    private Dictionary<string, JsonElement>? Properties(JsonElement value, string pointer, string what, string[] known)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(pointer, $"{what} must be an object, but it is {JsonValueDescription.Describe(value)}.");
            return null;
        }
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            string at = JsonPointer.Append(pointer, property.Name);
            if (Array.IndexOf(known, property.Name) < 0)
            {
                string? hint = Array.Find(known, name => string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase));
                Error(at, $"unknown property '{property.Name}'; expected one of {string.Join(", ", known)}" +
                    (hint is null ? "." : $" (names are case-sensitive: did you mean '{hint}'?)."));
            }
            else if (!map.TryAdd(property.Name, property.Value))
            {
                Error(at, $"the property '{property.Name}' appears more than once: give it once.");
            }
        }
        return map;
    }

    // An object whose property names are the definition's own (parameters, inputs, carry): only repeats are errors.
    private Dictionary<string, JsonElement>? FreeProperties(JsonElement value, string pointer, string what)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(pointer, $"{what} must be an object, but it is {JsonValueDescription.Describe(value)}.");
            return null;
        }
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (!map.TryAdd(property.Name, property.Value))
            {
                Error(JsonPointer.Append(pointer, property.Name), $"the property '{property.Name}' appears more than once: give it once.");
            }
        }
        return map;
    }

    private Dictionary<string, JsonNode?> Values(JsonElement value, string pointer, string what)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (FreeProperties(value, pointer, what) is not { } map) return values;
        foreach ((string name, JsonElement element) in map)
        {
            values[name] = Node(element, JsonPointer.Append(pointer, name));
        }
        return values;
    }

    // JsonObject rejects repeated names, so they are reported here, at their pointers, before it sees them.
    private JsonNode? Node(JsonElement value, string pointer)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    string at = JsonPointer.Append(pointer, property.Name);
                    if (obj.ContainsKey(property.Name)) Error(at, $"the property '{property.Name}' appears more than once: give it once.");
                    else obj[property.Name] = Node(property.Value, at);
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray()) array.Add(Node(item, JsonPointer.Append(pointer, index++)));
                return array;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(value.Clone());
        }
    }

    private JsonElement? Required(Dictionary<string, JsonElement> map, string pointer, string name)
    {
        if (map.TryGetValue(name, out JsonElement value)) return value;
        Error(pointer, $"missing required property '{name}'.");
        return null;
    }

    private string? RequiredString(Dictionary<string, JsonElement> map, string pointer, string name) =>
        Required(map, pointer, name) is { } value ? String(value, JsonPointer.Append(pointer, name), name) : null;

    private string? OptionalString(Dictionary<string, JsonElement> map, string pointer, string name) =>
        map.TryGetValue(name, out JsonElement value) ? String(value, JsonPointer.Append(pointer, name), name) : null;

    private double? OptionalNumber(Dictionary<string, JsonElement> map, string pointer, string name)
    {
        if (!map.TryGetValue(name, out JsonElement value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)) return number;
        Error(JsonPointer.Append(pointer, name), $"{name} must be a finite number, but it is {JsonValueDescription.Describe(value)}.");
        return null;
    }

    private bool OptionalBoolean(Dictionary<string, JsonElement> map, string pointer, string name)
    {
        if (!map.TryGetValue(name, out JsonElement value)) return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Error(JsonPointer.Append(pointer, name), $"{name} must be true or false, but it is {JsonValueDescription.Describe(value)}.");
        return false;
    }

    private string? String(JsonElement value, string pointer, string name)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Error(pointer, $"{name} must be a string, but it is {JsonValueDescription.Describe(value)}.");
        return null;
    }

    private int? Integer(JsonElement value, string pointer, string name)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number)
            && number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
        {
            return (int)number;
        }
        Error(pointer, $"{name} must be a whole number, but it is {JsonValueDescription.Describe(value)}.");
        return null;
    }

    private List<string>? Strings(JsonElement value, string pointer, string name)
    {
        if (!IsArray(value, pointer, name, "a list of strings")) return null;
        var strings = new List<string>();
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (String(item, JsonPointer.Append(pointer, index++), $"each entry of {name}") is { } text) strings.Add(text);
        }
        return strings;
    }

    private bool IsArray(JsonElement value, string pointer, string name, string expected)
    {
        if (value.ValueKind == JsonValueKind.Array) return true;
        Error(pointer, $"{name} must be {expected}, but it is {JsonValueDescription.Describe(value)}.");
        return false;
    }

    private void Error(string pointer, string reason) => _errors.Add(new(pointer, reason));


    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
