using System.Text.Json.Nodes;
using PrefFlow.Storage.State;

namespace PrefFlow.Host.Rendering;

/// <summary>A journal entry as the API and its event stream send it.</summary>
internal static class JournalJson
{
    public static JsonObject Of(JournalEntry entry) => new()
    {
        ["sequence"] = entry.Sequence,
        ["at"] = entry.At,
        ["kind"] = entry.Kind,
        ["node"] = entry.NodePath,
        ["message"] = entry.Message,
        ["data"] = entry.DataJson is null ? null : JsonNode.Parse(entry.DataJson),
    };
}
