using System.Text.Json.Nodes;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

/// <summary>
/// Resolves each root to a JSON object; everything below a root is read as members. Not thread-safe (JSON nodes
/// parsed from text fill in lazily), so each test makes its own.
/// </summary>
internal sealed class RootResolver : IReferenceResolver
{
    public static RootResolver CreateSample() => new(new()
    {
        ["params"] = """{ "lr": 0.001, "keep": 0.25, "seed": 42, "name": "run-a", "tags": ["a", "b", "c"], "flag": true, "nothing": null }""",
        ["iteration"] = """{ "index": 2, "budget": 10, "previous": { "nodes": { "train": { "outputs": { "checkpoint": { "uri": "ckpt://1" } } } } } }""",
        ["nodes"] = """{ "corpus-select": { "outputs": { "pairs": { "uri": "pairs://x" } } }, "train": { "outputs": { "checkpoint": { "uri": "ckpt://2" } } } }""",
        ["run"] = """{ "id": "r1" }""",
    });

    private readonly Dictionary<string, JsonNode?> _roots;

    public RootResolver(Dictionary<string, string> roots) =>
        _roots = roots.ToDictionary(pair => pair.Key, pair => JsonNode.Parse(pair.Value));

    public List<string> Asked { get; } = [];

    public JsonNode? Root(string name) => _roots[name];

    public bool TryResolve(ReferencePath path, out JsonNode? value)
    {
        Asked.Add(path.ToString());
        value = null;
        return path.Segments.Count == 1 && _roots.TryGetValue(path.Root, out value);
    }
}

/// <summary>Resolves exactly the paths it holds, by their canonical text.</summary>
internal sealed class PathResolver(Dictionary<string, JsonNode?> values) : IReferenceResolver
{
    public bool TryResolve(ReferencePath path, out JsonNode? value) => values.TryGetValue(path.ToString(), out value);
}

internal static class JsonAssert
{
    public static void Integer(long expected, JsonNode? actual)
    {
        var value = Assert.IsAssignableFrom<JsonValue>(actual);
        Assert.True(value.TryGetValue(out long integer), $"expected the integer {expected}, got {value.ToJsonString()} as a non-integer");
        Assert.Equal(expected, integer);
    }

    public static void Real(double expected, JsonNode? actual)
    {
        var value = Assert.IsAssignableFrom<JsonValue>(actual);
        Assert.False(value.TryGetValue(out long _), $"expected a double, got the integer {value.ToJsonString()}");
        Assert.True(value.TryGetValue(out double real));
        Assert.Equal(expected, real);
    }

    public static void Text(string expected, JsonNode? actual)
    {
        var value = Assert.IsAssignableFrom<JsonValue>(actual);
        Assert.True(value.TryGetValue(out string? text));
        Assert.Equal(expected, text);
    }

    public static void Boolean(bool expected, JsonNode? actual)
    {
        var value = Assert.IsAssignableFrom<JsonValue>(actual);
        Assert.True(value.TryGetValue(out bool flag));
        Assert.Equal(expected, flag);
    }
}
