using PrefFlow.Workflows.Json;
using System.Text.RegularExpressions;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Workflows.Definitions;

/// <summary>
/// Checks what a definition means against a catalogue of activities, reporting every error with an absolute
/// JSON pointer: the id, version and name; parameter names, defaults, ranges and enums; unknown activities and
/// inputs, missing required inputs, literals of the wrong type or out of range; bindings that do not parse or
/// reference undeclared parameters, nodes that do not run before the reader, unknown outputs, iteration values
/// outside a loop; edges to unknown nodes, self and duplicate edges, cycles, unconnected nodes; impossible
/// budget schedules; loop carry and next that differ; retry values out of range.
/// </summary>
public sealed partial class DefinitionValidator
{
    private readonly IActivityCatalog _catalog;

    /// <summary>A validator that checks nodes against <paramref name="catalog"/>.</summary>
    public DefinitionValidator(IActivityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex WorkflowId();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ParameterName();

    /// <summary>Every error in <paramref name="definition"/>, ordered by pointer then reason; empty when it is valid.</summary>
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<DefinitionError>();
        Header(definition, errors);
        var parameters = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (ParameterDefinition parameter in definition.Parameters)
        {
            Parameter(parameter, errors);
            if (!parameters.TryAdd(parameter.Name, parameter))
            {
                errors.Add(new(JsonPointer.Append("/parameters", parameter.Name), $"the parameter '{parameter.Name}' is declared more than once."));
            }
        }
        var nodes = new NodeRules(_catalog, new ReferenceChecker(_catalog, parameters), errors);
        nodes.Flowchart(definition.Nodes, definition.Edges, "", null, null, null);
        errors.Sort();
        return errors;
    }

    private static void Header(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        if (!WorkflowId().IsMatch(definition.Id))
        {
            errors.Add(new("/id", $"id '{definition.Id}' must match ^[a-z][a-z0-9-]{{0,63}}$: a lower-case letter, then up to 63 lower-case letters, digits or '-'."));
        }
        if (definition.Version < 1) errors.Add(new("/version", $"version must be at least 1, but it is {definition.Version}."));
        if (string.IsNullOrWhiteSpace(definition.Name)) errors.Add(new("/name", "name must not be empty: give the workflow a human-readable name."));
    }

    private static void Parameter(ParameterDefinition parameter, List<DefinitionError> errors)
    {
        string pointer = JsonPointer.Append("/parameters", parameter.Name);
        string subject = $"the default of parameter '{parameter.Name}'";
        if (!ParameterName().IsMatch(parameter.Name))
        {
            errors.Add(new(pointer, $"parameter name '{parameter.Name}' must match ^[A-Za-z_][A-Za-z0-9_]*$, so that ${{params.NAME}} can read it."));
        }
        if (parameter.Type is DataType.Any or DataType.Artifact)
        {
            errors.Add(new(pointer + "/type", $"a parameter's type must be integer, number, string or boolean, but it is {parameter.Type.ToString().ToLowerInvariant()}."));
            return;
        }
        bool numeric = parameter.Type is DataType.Integer or DataType.Number;
        if (!numeric && parameter.Minimum is not null) errors.Add(new(pointer + "/minimum", $"minimum applies to integer and number parameters, not to {ValueRules.TypeName(parameter.Type)}."));
        if (!numeric && parameter.Maximum is not null) errors.Add(new(pointer + "/maximum", $"maximum applies to integer and number parameters, not to {ValueRules.TypeName(parameter.Type)}."));
        if (parameter.Minimum is { } min && parameter.Maximum is { } max && min > max)
        {
            errors.Add(new(pointer + "/maximum", $"maximum {ValueRules.Format(max)} is less than minimum {ValueRules.Format(min)}: no value fits."));
        }
        if (parameter.AllowedValues is { } allowed)
        {
            if (parameter.Type != DataType.String) errors.Add(new(pointer + "/enum", $"enum applies to string parameters, not to {ValueRules.TypeName(parameter.Type)}."));
            else if (allowed.Count == 0) errors.Add(new(pointer + "/enum", "enum must list at least one value."));
        }
        string? reason = ValueRules.Check(parameter.Default, parameter.Type, parameter.Minimum, parameter.ExclusiveMinimum,
            parameter.Maximum, parameter.ExclusiveMaximum, parameter.Type == DataType.String ? parameter.AllowedValues : null);
        if (reason is not null) errors.Add(new(pointer + "/default", $"{subject} {reason}"));
    }
}
