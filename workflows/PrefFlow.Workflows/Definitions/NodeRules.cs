using PrefFlow.Workflows.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Expressions;
using PrefFlow.Workflows.Schedules;

namespace PrefFlow.Workflows.Definitions;

/// <summary>The rules of each node: activity or loop, inputs against the catalogue, bindings, retry, loop carry and schedule.</summary>
internal sealed partial class NodeRules(IActivityCatalog catalog, ReferenceChecker references, List<DefinitionError> errors)
{
    private static readonly string[] Roots = ["params", "nodes", "iteration", "run"];

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>Checks a flowchart's graph and every node in it, loop bodies included.</summary>
    public Scope Flowchart(IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<EdgeDefinition> edges, string pointer, Scope? parent, string? loopNodeId, LoopDefinition? loop)
    {
        var chart = new Flowchart(nodes, edges, pointer);
        var scope = new Scope(chart, parent, loopNodeId, loop);
        GraphRules.Check(chart, errors);
        for (int i = 0; i < nodes.Count; i++) Node(nodes[i], JsonPointer.Append(pointer + "/nodes", i), scope);
        return scope;
    }

    private void Node(NodeDefinition node, string pointer, Scope scope)
    {
        if ((node.Activity is null) == (node.Loop is null))
        {
            errors.Add(new(pointer, $"a node has exactly one of 'activity' and 'loop', but '{node.Id}' has {(node.Loop is null ? "neither" : "both")}."));
        }
        if (node.Retry is { } retry) Retry(retry, pointer + "/retry");
        if (node.Activity is { } name) Activity(node, name, pointer, scope);
        else if (node.Loop is { } loop) Loop(node, loop, pointer, scope);
    }

    private void Activity(NodeDefinition node, string name, string pointer, Scope scope)
    {
        ActivityDescriptor? activity = null;
        if (node.Loop is null && !catalog.TryGet(name, out activity))
        {
            errors.Add(new(pointer + "/activity", $"unknown activity '{name}'; known activities are: {ReferenceChecker.List(catalog.Activities.Select(a => a.Name))}."));
        }
        foreach ((string key, JsonNode? value) in node.Inputs)
        {
            string at = JsonPointer.Append(pointer + "/inputs", key);
            InputDescriptor? input = activity?.FindInput(key);
            if (activity is not null && input is null)
            {
                errors.Add(new(at, $"unknown input '{key}' of activity '{name}'; its inputs are: {ReferenceChecker.List(activity.Inputs.Select(i => i.Name))}."));
            }
            Value(value, at, $"input '{key}' of activity '{name}'", input, scope, node.Id);
        }
        if (activity is null) return;
        foreach (InputDescriptor input in activity.Inputs)
        {
            if (input.MustBeGiven && !node.Inputs.ContainsKey(input.Name))
            {
                errors.Add(new(pointer + "/inputs", $"missing required input '{input.Name}' of activity '{name}'."));
            }
        }
    }

    private void Loop(NodeDefinition node, LoopDefinition loop, string pointer, Scope scope)
    {
        string loopPointer = pointer + "/loop";
        if (node.Inputs.Count > 0) errors.Add(new(pointer + "/inputs", $"loop node '{node.Id}' takes no inputs: give the values its body starts from in loop.carry."));
        Schedule(loop.Schedule, loopPointer + "/schedule", scope, node.Id);
        foreach ((string name, JsonNode? value) in loop.Carry)
        {
            string at = JsonPointer.Append(loopPointer + "/carry", name);
            if (!Identifier().IsMatch(name)) errors.Add(new(at, $"carried variable name '{name}' must match ^[A-Za-z_][A-Za-z0-9_]*$."));
            // The initial values are read before the loop starts, as the loop node's own inputs would be.
            Value(value, at, $"carried variable '{name}'", null, scope, node.Id);
        }
        Scope body = Flowchart(loop.Nodes, loop.Edges, loopPointer, scope, node.Id, loop);
        foreach ((string name, JsonNode? value) in loop.Next)
        {
            string at = JsonPointer.Append(loopPointer + "/next", name);
            if (!loop.Carry.ContainsKey(name))
            {
                errors.Add(new(at, $"'{name}' is not a carried variable: next gives values only for the names in carry, which are: {ReferenceChecker.List(loop.Carry.Keys)}."));
            }
            Value(value, at, $"next value of '{name}'", null, body, null);
        }
        foreach (string name in loop.Carry.Keys)
        {
            if (!loop.Next.ContainsKey(name)) errors.Add(new(loopPointer + "/next", $"missing '{name}': every carried variable needs its next value, as carry and next have the same names."));
        }
    }

    private void Schedule(JsonNode? schedule, string pointer, Scope scope, string loopId)
    {
        // Bound values (e.g. "${params.total}") are known only when a run starts: check their expressions here, and
        // the schedule they make when the loop runs.
        var bound = Leaves(schedule, pointer).Where(leaf => leaf.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && v.GetValue<string>().Contains("${", StringComparison.Ordinal)).ToList();
        foreach ((string at, JsonNode? value) in bound) Value(value, at, "schedule value", null, scope, loopId);
        if (bound.Count > 0) return;
        JsonElement element = JsonSerializer.SerializeToElement(schedule);
        foreach (ScheduleError error in BudgetScheduleJson.Parse(element).Errors) errors.Add(new(pointer + error.Pointer, error.Reason));
    }

    private static IEnumerable<(string Pointer, JsonNode? Value)> Leaves(JsonNode? node, string pointer) => node switch
    {
        JsonObject members => members.SelectMany(m => Leaves(m.Value, JsonPointer.Append(pointer, m.Key))),
        JsonArray items => items.SelectMany((item, i) => Leaves(item, JsonPointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        _ => [(pointer, node)],
    };

    private void Retry(RetryDefinition retry, string pointer)
    {
        if (retry.Attempts is { } attempts && (attempts < 1 || attempts > RetryDefinition.MaxAttempts))
        {
            errors.Add(new(pointer + "/attempts", $"attempts must be from 1 to {RetryDefinition.MaxAttempts}, but it is {attempts}."));
        }
        if (retry.BackoffSeconds is { } backoff && !(backoff >= 0))
        {
            errors.Add(new(pointer + "/backoffSeconds", $"backoffSeconds must be at least 0, but it is {ValueRules.Format(backoff)}."));
        }
        if (retry.TimeoutSeconds is { } timeout && !(timeout > 0))
        {
            errors.Add(new(pointer + "/timeoutSeconds", $"timeoutSeconds must be more than 0, but it is {ValueRules.Format(timeout)}."));
        }
    }

    // A literal is checked against the input's type and range; a string holding "${" is a binding.
    private void Value(JsonNode? value, string pointer, string subject, InputDescriptor? input, Scope scope, string? reader)
    {
        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && text.GetValue<string>() is { } s && s.Contains("${", StringComparison.Ordinal))
        {
            Binding(s, pointer, subject, input, scope, reader);
            return;
        }
        Literal(value, pointer, subject, input);
    }

    private void Literal(JsonNode? value, string pointer, string subject, InputDescriptor? input)
    {
        if (input is null) return;
        if (ValueRules.Check(value, input.Type, input.Minimum, input.ExclusiveMinimum, input.Maximum, input.ExclusiveMaximum, input.AllowedValues) is { } reason)
        {
            errors.Add(new(pointer, $"{subject} {reason}"));
        }
    }

    private void Binding(string text, string pointer, string subject, InputDescriptor? input, Scope scope, string? reader)
    {
        Binding binding;
        try
        {
            binding = Expressions.Binding.Parse(text, Roots);
        }
        catch (ExpressionException exception)
        {
            errors.Add(new(pointer, $"bad expression at {exception.Position}: {exception.Reason}."));
            return;
        }
        if (binding.IsLiteral)
        {
            // Only escaped "$${": the value is a plain string, not to be read as a binding again.
            Literal(binding.Evaluate(NoReferences.Instance), pointer, subject, input);
            return;
        }
        var types = new List<DataType?>();
        foreach (ReferencePath reference in binding.References)
        {
            DataType? type = references.Resolve(reference, scope, reader, out string? error);
            if (error is not null) errors.Add(new(pointer, $"at {reference.Position}: {error}."));
            types.Add(type);
        }
        // Only a binding that is exactly one reference passes that value's type through; others are computed.
        if (input is null || binding.References.Count != 1 || types[0] is not { } actual) return;
        if (binding.ToString() != "${" + binding.References[0] + "}") return;
        if (!ValueRules.Compatible(actual, input.Type))
        {
            errors.Add(new(pointer, $"type mismatch: {subject} takes {ValueRules.TypeName(input.Type)}, but '{binding.References[0]}' gives {ValueRules.TypeName(actual)}."));
        }
    }
}
