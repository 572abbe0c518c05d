using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>JSON written one way only (object keys sorted, no spaces), so equal values give equal text and hashes.</summary>
internal static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) Write(writer, value);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Sha256(JsonNode? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Write(value))));

    private static void Write(Utf8JsonWriter writer, JsonNode? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject json:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> member in json.OrderBy(member => member.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Key);
                    Write(writer, member.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray list:
                writer.WriteStartArray();
                foreach (JsonNode? item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
