using System.Text.Json.Nodes;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Definitions;

/// <summary>Resolves nothing: evaluates bindings that are literal text (escapes only).</summary>
internal sealed class NoReferences : IReferenceResolver
{
    public static readonly NoReferences Instance = new();

    public bool TryResolve(ReferencePath path, out JsonNode? value)
    {
        value = null;
        return false;
    }
}
