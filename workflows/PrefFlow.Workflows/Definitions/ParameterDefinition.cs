using PrefFlow.Workflows.Activities;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// A parameter of a workflow, JSON <c>"lr": {"type": "number", "default": 3e-5, "minimum": 0, "exclusiveMinimum": true}</c>.
/// Bindings read it as <c>${params.lr}</c>; a run may override the default.
/// </summary>
/// <param name="Name">The key under "parameters": <c>^[A-Za-z_][A-Za-z0-9_]*$</c>.</param>
/// <param name="Type">"integer", "number", "string" or "boolean" (Any and Artifact are not parameter types).</param>
/// <param name="Default">The value when a run gives none; required, and it must satisfy the type, range and enum.</param>
/// <param name="Minimum">The smallest allowed value of an integer or number; null for no bound.</param>
/// <param name="Maximum">The largest allowed value of an integer or number; null for no bound.</param>
/// <param name="ExclusiveMinimum">True when <paramref name="Minimum"/> itself is not allowed.</param>
/// <param name="ExclusiveMaximum">True when <paramref name="Maximum"/> itself is not allowed.</param>
/// <param name="AllowedValues">JSON "enum": the only values a string parameter may take; null for any.</param>
/// <param name="Description">What the parameter means; null for none.</param>
public sealed record ParameterDefinition(
    string Name,
    DataType Type,
    JsonNode? Default,
    double? Minimum = null,
    double? Maximum = null,
    bool ExclusiveMinimum = false,
    bool ExclusiveMaximum = false,
    IReadOnlyList<string>? AllowedValues = null,
    string? Description = null);
