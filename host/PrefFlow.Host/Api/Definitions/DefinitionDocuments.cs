using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrefFlow.Host.Api.Problems;

namespace PrefFlow.Host.Api.Definitions;

/// <summary>Reads definition documents sent to the API: JSON objects whose "id" names the definition.</summary>
internal static partial class DefinitionDocuments
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body as a JSON object, or a 400 saying where it stops being JSON.</summary>
    public static JsonObject Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? throw ApiException.BadRequest("the body must be a JSON object (a workflow definition)");
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"the body is not valid JSON: {error.Message}");
        }
    }

    /// <summary>The document's "id", checked against the id pattern and, when given, the id in the URL.</summary>
    public static string IdOf(JsonObject document, string? expected = null)
    {
        string? id = document["id"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        if (id is null) return expected ?? throw ApiException.BadRequest("the definition has no \"id\": give it one such as \"nightly-dpo\"", "/id");
        if (!IdPattern().IsMatch(id)) throw ApiException.BadRequest($"the id '{id}' is not valid: use 1 to 64 lower-case letters, digits and '-', starting with a letter", "/id");
        if (expected is not null && id != expected) throw ApiException.BadRequest($"the document's id '{id}' differs from the id in the URL, '{expected}'", "/id");
        return id;
    }

    /// <summary>Checks an id taken from a URL.</summary>
    public static string CheckId(string id) =>
        IdPattern().IsMatch(id) ? id : throw ApiException.BadRequest($"'{id}' is not a definition id: use lower-case letters, digits and '-'", "id");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
