using System.Text.Json.Nodes;
using PrefFlow.Workflows.Json;

namespace PrefFlow.Host.Api.Definitions;

/// <summary>
/// What changed between two definition documents, as JSON pointers: a field added, removed or changed. Nodes and
/// edges are matched by position, so a node moved in the list reads as changed; that is what the JSON says.
/// </summary>
internal static class DefinitionDiff
{
    /// <summary>One change: its kind ("added", "removed", "changed"), where, and the values before and after.</summary>
    public sealed record Change(string Kind, string Pointer, JsonNode? Before, JsonNode? After);

    public static IReadOnlyList<Change> Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<Change>();
        Walk("", before, after, changes);
        return changes;
    }

    private static void Walk(string pointer, JsonNode? before, JsonNode? after, List<Change> changes)
    {
        if (before is JsonObject left && after is JsonObject right)
        {
            foreach ((string name, JsonNode? value) in left)
            {
                string child = pointer + "/" + JsonPointer.Escape(name);
                if (right.TryGetPropertyValue(name, out JsonNode? other)) Walk(child, value, other, changes);
                else changes.Add(new Change("removed", child, value?.DeepClone(), null));
            }
            foreach ((string name, JsonNode? value) in right)
            {
                if (!left.ContainsKey(name)) changes.Add(new Change("added", pointer + "/" + JsonPointer.Escape(name), null, value?.DeepClone()));
            }
            return;
        }
        if (before is JsonArray first && after is JsonArray second)
        {
            for (int i = 0; i < Math.Max(first.Count, second.Count); i++)
            {
                string child = $"{pointer}/{i}";
                if (i >= second.Count) changes.Add(new Change("removed", child, first[i]?.DeepClone(), null));
                else if (i >= first.Count) changes.Add(new Change("added", child, null, second[i]?.DeepClone()));
                else Walk(child, first[i], second[i], changes);
            }
            return;
        }
        if (!JsonNode.DeepEquals(before, after)) changes.Add(new Change("changed", pointer, before?.DeepClone(), after?.DeepClone()));
    }
}
