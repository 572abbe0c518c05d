using System.Globalization;
using PrefFlow.Storage.Artifacts;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Activities;

/// <summary>
/// A node's evaluated inputs. The engine fills in defaults and checks types and ranges against the descriptor
/// before an activity runs, so the typed getters fail only when an activity asks for an input it did not declare.
/// </summary>
public sealed class ActivityInputs
{
    private readonly IReadOnlyDictionary<string, JsonNode?> _values;

    /// <summary>Inputs with the given values.</summary>
    public ActivityInputs(IReadOnlyDictionary<string, JsonNode?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>Every input by name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Values => _values;

    /// <summary>Whether the input is present and not null.</summary>
    public bool Has(string name) => _values.TryGetValue(name, out JsonNode? value) && value is not null;

    /// <summary>The raw JSON value of an input.</summary>
    /// <exception cref="ActivityException">The input is absent.</exception>
    public JsonNode? Get(string name) =>
        _values.TryGetValue(name, out JsonNode? value) ? value : throw new ActivityException($"input '{name}' was not given.");

    /// <summary>A whole-number input.</summary>
    public long GetInt64(string name) => Read<long>(name, JsonValueKind.Number, "a whole number", TryIntegral);

    /// <summary>A whole-number input that fits in an int.</summary>
    public int GetInt32(string name)
    {
        long value = GetInt64(name);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new ActivityException($"input '{name}' is {value}, too large.");
    }

    /// <summary>A numeric input.</summary>
    public double GetDouble(string name) => Read<double>(name, JsonValueKind.Number, "a number", TryReal);

    /// <summary>A string input.</summary>
    public string GetString(string name) => Read(name, JsonValueKind.String, "a string", (JsonValue v, out string x) =>
    {
        x = v.GetValue<string>();
        return true;
    });

    /// <summary>A boolean input.</summary>
    public bool GetBoolean(string name)
    {
        JsonNode? node = Get(name);
        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw new ActivityException($"input '{name}' must be a boolean.");
    }

    /// <summary>An artifact input.</summary>
    public ArtifactRef GetArtifact(string name) =>
        ArtifactValue.TryParse(Get(name), out ArtifactRef reference, out string? error)
            ? reference
            : throw new ActivityException($"input '{name}': {error}.");

    private delegate bool Reader<T>(JsonValue value, out T result);

    private T Read<T>(string name, JsonValueKind kind, string what, Reader<T> read)
    {
        JsonNode? node = Get(name);
        if (node is JsonValue value && value.GetValueKind() == kind && read(value, out T result)) return result;
        throw new ActivityException($"input '{name}' must be {what}.");
    }

    // Through the JSON text, so that values built in code (JsonValue.Create(3), an int default) read like parsed ones.
    private static bool TryReal(JsonValue value, out double result) =>
        double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);

    private static bool TryIntegral(JsonValue value, out long result)
    {
        if (long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result)) return true;
        if (!TryReal(value, out double real) || real != Math.Floor(real) || Math.Abs(real) > 9.007199254740992e15) return false;
        result = (long)real;
        return true;
    }
}
