using PrefFlow.Workflows.Activities;

namespace PrefFlow.Workflows.Definitions;

/// <summary>Reads a definition's JSON and validates it in one call.</summary>
public static class DefinitionLoader
{
    /// <summary>
    /// Reads <paramref name="json"/> with <see cref="DefinitionReader"/> and, when it reads, validates it against
    /// <paramref name="catalog"/>. The result's definition is set only when there is no error of either kind;
    /// when the JSON's shape is wrong, only the shape errors are reported (there is no model to validate).
    /// </summary>
    public static DefinitionReadResult Load(string json, IActivityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(catalog);
        DefinitionReadResult read = DefinitionReader.Read(json);
        if (!read.Succeeded) return read;
        IReadOnlyList<DefinitionError> errors = new DefinitionValidator(catalog).Validate(read.Definition);
        return new(read.Definition, errors);
    }
}
