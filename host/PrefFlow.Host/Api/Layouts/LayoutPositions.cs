using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PrefFlow.Host.Api.Problems;

namespace PrefFlow.Host.Api.Layouts;

/// <summary>
/// Reads the body of PUT /api/definitions/{id}/layout, <c>{"positions": {"&lt;node path&gt;": {"x": 0, "y": 0}}}</c>, into
/// the normalised positions object that is stored and served. Any other shape is a 400 naming the field at fault (a
/// JSON path such as <c>$.positions['loop/sample'].x</c>), so a client's bug never ends up in every team member's layout.
/// The limits keep a layout a designer's worth of nodes: the server's body size limit applies before any of them.
/// </summary>
internal static partial class LayoutPositions
{
    /// <summary>The most nodes one layout places.</summary>
    public const int MostEntries = 10_000;

    /// <summary>The longest node path, in characters.</summary>
    public const int LongestPath = 1000;

    /// <summary>The farthest a node may be placed from the origin on either axis.</summary>
    public const double Farthest = 10_000_000;

    private const string Shape = "{\"positions\": {\"<node path>\": {\"x\": <number>, \"y\": <number>}}}";

    /// <summary>The positions of <paramref name="body"/> as a JSON object, keys in ordinal order, or a 400.</summary>
    public static string Normalise(string body)
    {
        using JsonDocument document = ParseJson(body);
        JsonElement positions = PositionsOf(document.RootElement);
        var read = new SortedDictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (JsonProperty entry in positions.EnumerateObject())
        {
            string field = "$.positions" + Member(entry.Name);
            if (read.Count == MostEntries) throw ApiException.BadRequest($"\"positions\" places more than {MostEntries} nodes", "$.positions");
            if (!IsNodePath(entry.Name))
            {
                throw ApiException.BadRequest(
                    $"'{Shorten(entry.Name)}' is not a node path: use 1 to {LongestPath} characters, segments of letters, digits, '_' and '-' separated by '/'", field);
            }
            if (read.ContainsKey(entry.Name)) throw ApiException.BadRequest($"the node path '{entry.Name}' is given twice", field);
            read.Add(entry.Name, PositionOf(entry.Name, entry.Value, field));
        }
        return Write(read);
    }

    private static JsonDocument ParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"the body is not valid JSON: {error.Message}");
        }
    }

    private static JsonElement PositionsOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest($"the body must be a JSON object: {Shape}", "$");
        JsonElement? positions = null;
        foreach (JsonProperty member in root.EnumerateObject())
        {
            if (member.Name != "positions") throw ApiException.BadRequest($"unknown field '{Shorten(member.Name)}': the body has only \"positions\"", "$" + Member(member.Name));
            if (positions is not null) throw ApiException.BadRequest("\"positions\" is given twice", "$.positions");
            positions = member.Value;
        }
        if (positions is not { } found) throw ApiException.BadRequest($"the body has no \"positions\": send {Shape}", "$.positions");
        if (found.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest($"\"positions\" must be an object of node paths to positions, not {Kind(found)}", "$.positions");
        }
        return found;
    }

    private static (double X, double Y) PositionOf(string path, JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest($"the position of '{path}' must be an object {{\"x\": <number>, \"y\": <number>}}, not {Kind(value)}", field);
        }
        double? x = null, y = null;
        foreach (JsonProperty member in value.EnumerateObject())
        {
            string memberField = field + Member(member.Name);
            switch (member.Name)
            {
                case "x" when x is null:
                    x = Coordinate(path, member, memberField);
                    break;
                case "y" when y is null:
                    y = Coordinate(path, member, memberField);
                    break;
                case "x" or "y":
                    throw ApiException.BadRequest($"the position of '{path}' gives \"{member.Name}\" twice", memberField);
                default:
                    throw ApiException.BadRequest($"unknown field '{Shorten(member.Name)}' in the position of '{path}': it has only \"x\" and \"y\"", memberField);
            }
        }
        if (x is null) throw ApiException.BadRequest($"the position of '{path}' has no \"x\"", field + ".x");
        if (y is null) throw ApiException.BadRequest($"the position of '{path}' has no \"y\"", field + ".y");
        return (x.Value, y.Value);
    }

    private static double Coordinate(string path, JsonProperty member, string field)
    {
        if (member.Value.ValueKind != JsonValueKind.Number)
        {
            throw ApiException.BadRequest($"\"{member.Name}\" of '{path}' must be a number, not {Kind(member.Value)}", field);
        }
        if (!member.Value.TryGetDouble(out double value) || !double.IsFinite(value) || Math.Abs(value) > Farthest)
        {
            throw ApiException.BadRequest($"\"{member.Name}\" of '{path}' is {Shorten(member.Value.GetRawText())}: give a number from -{Farthest:0} to {Farthest:0}", field);
        }
        // -0 and 0 are the same place: store one of them.
        return value == 0 ? 0 : value;
    }

    private static string Write(SortedDictionary<string, (double X, double Y)> positions)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach ((string path, (double x, double y)) in positions)
            {
                writer.WriteStartObject(path);
                writer.WriteNumber("x", x);
                writer.WriteNumber("y", y);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static bool IsNodePath(string path) => path.Length <= LongestPath && NodePathPattern().IsMatch(path);

    // A JSON path step: .name for plain names, ['any name'] for the rest (as System.Text.Json names fields). The name is
    // kept whole, so the field is exact; the body size limit bounds it.
    private static string Member(string name) =>
        PlainNamePattern().IsMatch(name) ? "." + name : "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\z")]
    private static partial Regex NodePathPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex PlainNamePattern();
}
