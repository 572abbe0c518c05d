using System.Text.Json;

namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// Reads a definition's JSON into a <see cref="WorkflowDefinition"/>, checking its shape only: malformed JSON,
/// wrong JSON types, unknown, repeated and missing properties. What the values mean (ids, ranges, activities,
/// bindings, the flowchart) is <see cref="DefinitionValidator"/>'s job. Property names are case-sensitive.
/// </summary>
public static class DefinitionReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads a definition from its JSON text.</summary>
    public static DefinitionReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, Options);
            return new DefinitionShape().Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            return Malformed(exception);
        }
    }

    /// <summary>Reads a definition from a stream of UTF-8 JSON; the stream is read to its end and not closed.</summary>
    public static DefinitionReadResult Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(utf8Json, Options);
            return new DefinitionShape().Read(document.RootElement);
        }
        catch (JsonException exception)
        {
            return Malformed(exception);
        }
    }

    private static DefinitionReadResult Malformed(JsonException exception)
    {
        // JsonException counts lines and bytes from 0; editors count from 1.
        long line = (exception.LineNumber ?? 0) + 1;
        long position = (exception.BytePositionInLine ?? 0) + 1;
        string detail = exception.Message;
        int cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) detail = detail[..cut].TrimEnd(' ', '.');
        return new(null, [new DefinitionError("", $"malformed JSON at line {line}, position {position}: {detail}.")]);
    }
}
