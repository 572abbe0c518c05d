using PrefFlow.Storage.Artifacts;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Activities;

/// <summary>
/// How an artifact travels through a workflow: the JSON object
/// <c>{"sha256": "…", "length": 1234, "mediaType": "application/vnd.apache.parquet"}</c>.
/// </summary>
public static class ArtifactValue
{
    /// <summary>The JSON form of <paramref name="reference"/>.</summary>
    public static JsonObject ToJson(ArtifactRef reference) => new()
    {
        ["sha256"] = reference.Sha256,
        ["length"] = reference.Length,
        ["mediaType"] = reference.MediaType,
    };

    /// <summary>Reads the JSON form; false with a reason when <paramref name="value"/> is not one.</summary>
    public static bool TryParse(JsonNode? value, out ArtifactRef reference, [NotNullWhen(false)] out string? error)
    {
        reference = default;
        if (value is not JsonObject json)
        {
            error = "expected an artifact: an object with \"sha256\", \"length\" and \"mediaType\"";
            return false;
        }
        if (json["sha256"] is not JsonValue hash || hash.GetValueKind() != JsonValueKind.String || !ArtifactRef.IsValidHash(hash.GetValue<string>()))
        {
            error = "the artifact's \"sha256\" must be 64 lower-case hex digits";
            return false;
        }
        if (json["length"] is not JsonValue length || length.GetValueKind() != JsonValueKind.Number || !length.TryGetValue(out long bytes) || bytes < 0)
        {
            error = "the artifact's \"length\" must be a whole number of bytes, at least 0";
            return false;
        }
        if (json["mediaType"] is not JsonValue media || media.GetValueKind() != JsonValueKind.String || !ArtifactRef.IsValidMediaType(media.GetValue<string>()))
        {
            error = "the artifact's \"mediaType\" must be a media type such as \"application/octet-stream\"";
            return false;
        }
        reference = new ArtifactRef(hash.GetValue<string>(), bytes, media.GetValue<string>());
        error = null;
        return true;
    }
}
