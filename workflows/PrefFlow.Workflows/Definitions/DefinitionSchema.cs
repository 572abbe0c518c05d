namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// The published JSON Schema (draft 2020-12) of the definition format, for editors and other tools. It checks the
/// shape that <see cref="DefinitionReader"/> reads plus the simple ranges and patterns; what needs the catalogue or
/// the whole document (activities, inputs, bindings, the graph, schedules) only <see cref="DefinitionValidator"/> checks.
/// </summary>
public static class DefinitionSchema
{
    /// <summary>The schema's file name, as published beside the engine.</summary>
    public const string FileName = "workflow-definition.schema.json";

    private static readonly Lazy<string> Text = new(Load);

    /// <summary>The schema's JSON text.</summary>
    public static string Json => Text.Value;

    private static string Load()
    {
        using Stream stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream("PrefFlow.Workflows.Definitions." + FileName)
            ?? throw new InvalidOperationException($"the embedded resource {FileName} is missing from the engine assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
