using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Fills a definition's parameters from their defaults and a run's overrides, checking each override.</summary>
public static class ParameterValues
{
    /// <summary>
    /// Every parameter's value: the override when given (as JSON, or as text such as "3e-5" or "smallest" read by the
    /// parameter's type), otherwise the default.
    /// </summary>
    /// <exception cref="InvalidRunRequestException">An override names no parameter or does not fit its type, range or allowed values.</exception>
    public static JsonObject Resolve(WorkflowDefinition definition, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(overrides);
        var errors = new List<string>();
        var byName = definition.Parameters.ToDictionary(parameter => parameter.Name, StringComparer.Ordinal);
        foreach (string name in overrides.Keys.Where(name => !byName.ContainsKey(name)).Order(StringComparer.Ordinal))
        {
            string known = byName.Count == 0 ? "it has none" : "its parameters are: " + string.Join(", ", byName.Keys);
            errors.Add($"parameter '{name}': the definition '{definition.Id}' has no such parameter; {known}.");
        }
        var values = new JsonObject();
        foreach (ParameterDefinition parameter in definition.Parameters)
        {
            if (!overrides.TryGetValue(parameter.Name, out string? text))
            {
                values[parameter.Name] = parameter.Default?.DeepClone();
                continue;
            }
            JsonNode? value = Read(text, parameter.Type);
            string? problem = ValueRules.Check(value, parameter.Type, parameter.Minimum, parameter.ExclusiveMinimum,
                parameter.Maximum, parameter.ExclusiveMaximum, parameter.AllowedValues);
            if (problem is null) values[parameter.Name] = value;
            else errors.Add($"parameter '{parameter.Name}' {problem}");
        }
        if (errors.Count > 0) throw new InvalidRunRequestException(errors);
        return values;
    }

    // A string parameter takes the text as it is; others read it as JSON ("1e-4", "true"), falling back to the
    // text so that the type check can say what it got.
    private static JsonNode? Read(string text, DataType type)
    {
        if (type == DataType.String) return JsonValue.Create(text);
        try
        {
            return JsonNode.Parse(text.Trim()) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                ? JsonValue.Create(number)
                : JsonValue.Create(text);
        }
    }
}
