using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;
using PrefFlow.Workflows.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>Evaluates a node's inputs in its scope, fills in defaults and checks each value against the descriptor.</summary>
internal static class InputEvaluator
{
    /// <summary>The inputs in descriptor order; throws <see cref="NodeFailedException"/> naming the input at fault.</summary>
    public static JsonObject Evaluate(NodeDefinition node, ActivityDescriptor activity, RuntimeScope scope, string nodePath)
    {
        var values = new JsonObject();
        foreach (InputDescriptor input in activity.Inputs)
        {
            JsonNode? value;
            if (node.Inputs.TryGetValue(input.Name, out JsonNode? given)) value = Evaluate(given, scope, nodePath, input.Name);
            else if (input.Default is not null) value = input.Default.DeepClone();
            else if (input.Required) throw Fail(nodePath, input.Name, "is required and was not given.");
            else continue;
            if (Check(value, input) is { } problem) throw Fail(nodePath, input.Name, problem);
            values[input.Name] = value;
        }
        return values;
    }

    /// <summary>A binding's value, or a literal as written; a fresh node either way.</summary>
    public static JsonNode? Evaluate(JsonNode? given, RuntimeScope scope, string nodePath, string name)
    {
        if (given is not JsonValue text || text.GetValueKind() != JsonValueKind.String || !text.GetValue<string>().Contains("${", StringComparison.Ordinal))
        {
            return given?.DeepClone();
        }
        try
        {
            return Binding.Parse(text.GetValue<string>()).Evaluate(scope)?.DeepClone();
        }
        catch (ExpressionException error)
        {
            throw Fail(nodePath, name, $"{text.GetValue<string>()}: {error.Message}");
        }
    }

    private static string? Check(JsonNode? value, InputDescriptor input)
    {
        if (input.Type != DataType.Artifact)
        {
            return ValueRules.Check(value, input.Type, input.Minimum, input.ExclusiveMinimum, input.Maximum, input.ExclusiveMaximum, input.AllowedValues);
        }
        return ArtifactValue.TryParse(value, out ArtifactRef _, out string? error) ? null : $"{error}, but it is {ValueRules.Describe(value)}.";
    }

    private static NodeFailedException Fail(string nodePath, string input, string reason) =>
        new(nodePath, $"node '{nodePath}': input '{input}' {reason}");
}
