using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// Supplies the values that references such as <c>params.lr</c> or <c>nodes.train.outputs.checkpoint</c> name.
/// Evaluation first asks for the whole path; when that is not resolved, it asks for ever shorter prefixes and
/// reads the remaining segments as members of the JSON object a prefix resolves to. A resolver may therefore
/// answer whole paths, whole roots (<c>params</c> as one object), or anything in between.
/// </summary>
public interface IReferenceResolver
{
    /// <summary>
    /// Looks up <paramref name="path"/>; returns false when it names nothing. A resolved value may be null
    /// (JSON null). Objects and arrays are passed through as they are, not copied.
    /// </summary>
    bool TryResolve(ReferencePath path, out JsonNode? value);
}
