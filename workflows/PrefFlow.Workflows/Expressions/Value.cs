using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Expressions;

internal enum ValueKind
{
    Null,
    Boolean,
    Integer,
    Real,
    String,
    // An object or array from a reference, passed through untouched.
    Node,
}

/// <summary>A value during evaluation; converted from and to <see cref="JsonNode"/> only at the edges.</summary>
internal readonly struct Value
{
    // Compact, and readable: no \u escapes for non-ASCII text or for '<', '>', '&' and '+'.
    private static readonly JsonSerializerOptions CompactJson = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly object? _reference;

    private Value(ValueKind kind, long integer, double real, object? reference)
    {
        Kind = kind;
        Integer = integer;
        Real = real;
        _reference = reference;
    }

    public static Value Null => default;

    public ValueKind Kind { get; }

    public long Integer { get; }

    public double Real { get; }

    public bool Boolean => Integer != 0;

    public string Text => (string)_reference!;

    public JsonNode Node => (JsonNode)_reference!;

    public bool IsNumber => Kind is ValueKind.Integer or ValueKind.Real;

    public double AsDouble => Kind == ValueKind.Integer ? Integer : Real;

    public static Value Of(bool value) => new(ValueKind.Boolean, value ? 1 : 0, 0, null);

    public static Value Of(long value) => new(ValueKind.Integer, value, 0, null);

    public static Value Of(double value) => new(ValueKind.Real, 0, value, null);

    public static Value Of(string value) => new(ValueKind.String, 0, 0, value);

    /// <summary>What the value is, for messages: "a number", "a string", "null", ...</summary>
    public string Describe() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => "a boolean",
        ValueKind.Integer or ValueKind.Real => "a number",
        ValueKind.String => "a string",
        _ => Node switch
        {
            JsonObject => "an object",
            JsonArray => "an array",
            _ => "a JSON value",
        },
    };

    /// <summary>
    /// Reads a resolved JSON value. A number is an integer when it holds an integral value in its own type
    /// (JSON text without a fraction or exponent, or a .NET integer type), a double otherwise.
    /// </summary>
    /// <exception cref="ExpressionException">The value is a number that is not finite.</exception>
    public static Value FromNode(JsonNode? node, ReferencePath path)
    {
        if (node is not JsonValue value) return node is null ? Null : new Value(ValueKind.Node, 0, 0, node);
        switch (value.GetValueKind())
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return Null;
            case JsonValueKind.True:
                return Of(true);
            case JsonValueKind.False:
                return Of(false);
            case JsonValueKind.String:
                return Of(value.TryGetValue(out string? text) ? text : JsonDocument.Parse(value.ToJsonString()).RootElement.GetString()!);
            case JsonValueKind.Number:
                if (value.TryGetValue(out long integer)) return Of(integer);
                if (!value.TryGetValue(out double real))
                {
                    // Other .NET number types (int, decimal, float, ...): read their JSON text.
                    string raw = value.ToJsonString();
                    if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer)) return Of(integer);
                    real = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
                if (!double.IsFinite(real)) throw new ExpressionException(path.Position, $"'{path}' is {real.ToString(CultureInfo.InvariantCulture)}, not a finite number");
                return Of(real);
            default:
                return new Value(ValueKind.Node, 0, 0, node);
        }
    }

    public JsonNode? ToNode() => Kind switch
    {
        ValueKind.Null => null,
        ValueKind.Boolean => JsonValue.Create(Boolean),
        ValueKind.Integer => JsonValue.Create(Integer),
        ValueKind.Real => JsonValue.Create(Real),
        ValueKind.String => JsonValue.Create(Text),
        _ => Node,
    };

    /// <summary>
    /// The value as text in interpolation and str(): numbers in the invariant culture and shortest round-trip
    /// form, booleans and null as in JSON, strings as they are, objects and arrays as compact JSON.
    /// </summary>
    public string ToText() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => Boolean ? "true" : "false",
        ValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        ValueKind.Real => Real.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.String => Text,
        _ => Node.ToJsonString(CompactJson),
    };

    /// <summary>Equality for == and !=: numbers by value (1 == 1.0), objects and arrays deeply, different kinds never.</summary>
    public bool EqualTo(Value other)
    {
        if (IsNumber && other.IsNumber)
        {
            return Kind == ValueKind.Integer && other.Kind == ValueKind.Integer ? Integer == other.Integer : AsDouble == other.AsDouble;
        }
        if (Kind != other.Kind) return false;
        return Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Boolean => Boolean == other.Boolean,
            ValueKind.String => string.Equals(Text, other.Text, StringComparison.Ordinal),
            _ => JsonNode.DeepEquals(Node, other.Node),
        };
    }

    /// <summary>Orders two numbers: exactly for two integers, as doubles otherwise.</summary>
    public static int CompareNumbers(Value left, Value right) =>
        left.Kind == ValueKind.Integer && right.Kind == ValueKind.Integer
            ? left.Integer.CompareTo(right.Integer)
            : left.AsDouble.CompareTo(right.AsDouble);
}
