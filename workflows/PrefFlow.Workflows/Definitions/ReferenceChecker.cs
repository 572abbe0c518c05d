using System.Text.Json;
using System.Text.Json.Nodes;
using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Definitions;

/// <summary>Checks that each reference of a binding names something that exists and is ready when the binding is read.</summary>
internal sealed class ReferenceChecker(IActivityCatalog catalog, IReadOnlyDictionary<string, ParameterDefinition> parameters)
{
    private static readonly string[] IterationMembers = ["index", "number", "count", "budget", "keptPairs"];

    /// <summary>
    /// The type the reference gives, Any when it cannot be told, or null after adding an error.
    /// <paramref name="reader"/> is the node whose binding this is; null when any node of the scope's flowchart may
    /// be read (a loop's next values, read after its body ran).
    /// </summary>
    public DataType? Resolve(ReferencePath reference, Scope scope, string? reader, out string? error)
    {
        error = null;
        IReadOnlyList<string> segments = reference.Segments;
        switch (reference.Root)
        {
            case "params":
                if (segments.Count != 2) return Fail(out error, $"a parameter reference reads params.<name>, but '{reference}' has {segments.Count - 1} names after params");
                if (parameters.TryGetValue(segments[1], out ParameterDefinition? parameter)) return parameter.Type;
                return Fail(out error, $"unknown parameter '{segments[1]}'; declared parameters are: {List(parameters.Keys)}");
            case "iteration":
                return Iteration(reference, scope, out error);
            case "nodes":
                return Node(reference, scope, reader, out error);
            default:
                // run.* is filled in by the interpreter (run id, start time); its members are not fixed yet.
                return DataType.Any;
        }
    }

    private DataType? Iteration(ReferencePath reference, Scope scope, out string? error)
    {
        error = null;
        IReadOnlyList<string> segments = reference.Segments;
        if (scope.Loop is not { } loop) return Fail(out error, $"'{reference}' reads the current iteration, which exists only inside a loop body");
        string expected = $"expected one of {string.Join(", ", IterationMembers)}, previous.<carried variable>";
        if (IterationMembers.Contains(segments.Count > 1 ? segments[1] : "", StringComparer.Ordinal))
        {
            return segments.Count == 2 ? DataType.Integer : Fail(out error, $"iteration.{segments[1]} is a number and has no members, but '{reference}' reads one");
        }
        if (segments.Count >= 2 && segments[1] == "previous")
        {
            if (segments.Count == 2) return Fail(out error, $"iteration.previous needs a carried variable: iteration.previous.<name>; the loop carries: {List(loop.Carry.Keys)}");
            if (!loop.Carry.ContainsKey(segments[2])) return Fail(out error, $"'{segments[2]}' is not a carried variable of the loop; it carries: {List(loop.Carry.Keys)}");
            return segments.Count == 3 ? CarriedType(loop, segments[2], scope.Parent!, scope.LoopNodeId!) : DataType.Any;
        }
        return Fail(out error, segments.Count == 1
            ? $"iteration needs a member; {expected}"
            : $"unknown iteration member '{segments[1]}' in '{reference}'; {expected}");
    }

    private DataType? Node(ReferencePath reference, Scope scope, string? reader, out string? error)
    {
        error = null;
        IReadOnlyList<string> segments = reference.Segments;
        if (segments.Count < 4 || segments[2] != "outputs")
        {
            return Fail(out error, $"a node reference reads nodes.<id>.outputs.<name>, but it is '{reference}'");
        }
        string id = segments[1];
        Scope? at = scope;
        bool anyNode = reader is null;
        while (at is not null)
        {
            if (at.Chart.Find(id) is { } node)
            {
                if (!anyNode && id == reader) return Fail(out error, $"node '{id}' cannot read its own outputs");
                if (!anyNode && !at.Chart.Ancestors(reader!).Contains(id))
                {
                    return Fail(out error, $"node '{id}' does not run before '{reader}': add an edge from {id} to {reader} (through other nodes if need be)");
                }
                return Output(node, at, segments[3], segments.Count == 4, out error);
            }
            // In an enclosing flowchart the loop node is what must run after the referenced node.
            reader = at.LoopNodeId;
            anyNode = false;
            at = at.Parent;
        }
        return Fail(out error, $"unknown node '{id}'; nodes that may be read here are: {List(Visible(scope))}");
    }

    private DataType? Output(NodeDefinition node, Scope chart, string name, bool whole, out string? error)
    {
        error = null;
        if (node.Loop is { } loop)
        {
            if (loop.Carry.ContainsKey(name)) return whole ? CarriedType(loop, name, chart, node.Id) : DataType.Any;
            return Fail(out error, $"unknown output '{name}' of loop node '{node.Id}'; its outputs are its carried variables: {List(loop.Carry.Keys)}");
        }
        if (node.Activity is null || !catalog.TryGet(node.Activity, out ActivityDescriptor? activity)) return DataType.Any;
        if (activity.FindOutput(name) is { } output) return whole ? output.Type : DataType.Any;
        return Fail(out error, $"unknown output '{name}' of node '{node.Id}' (activity '{activity.Name}'); its outputs are: {List(activity.Outputs.Select(o => o.Name))}");
    }

    /// <summary>
    /// A carried variable's type: its initial value's, when that is a literal or exactly one reference (read where the
    /// loop node is, before it starts; references only reach outwards, so this ends); otherwise Any. Its errors are
    /// reported where the initial value itself is checked.
    /// </summary>
    private DataType CarriedType(LoopDefinition loop, string name, Scope loopChart, string loopNodeId)
    {
        if (loop.Carry[name] is not JsonValue initial) return DataType.Any;
        switch (initial.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return DataType.Boolean;
            case JsonValueKind.Number:
                return initial.TryGetValue(out long _) ? DataType.Integer : DataType.Number;
            case JsonValueKind.String:
                string text = initial.GetValue<string>();
                if (!text.Contains("${", StringComparison.Ordinal)) return DataType.String;
                Binding binding;
                try
                {
                    binding = Binding.Parse(text);
                }
                catch (ExpressionException)
                {
                    return DataType.Any;
                }
                if (binding.IsLiteral) return DataType.String;
                if (binding.References.Count != 1 || binding.ToString() != "${" + binding.References[0] + "}") return DataType.Any;
                return Resolve(binding.References[0], loopChart, loopNodeId, out _) ?? DataType.Any;
            default:
                return DataType.Any;
        }
    }

    private static IEnumerable<string> Visible(Scope scope)
    {
        for (Scope? at = scope; at is not null; at = at.Parent)
        {
            foreach (NodeDefinition node in at.Chart.Nodes) yield return node.Id;
        }
    }

    private static DataType? Fail(out string? error, string reason)
    {
        error = reason;
        return null;
    }

    internal static string List(IEnumerable<string> names)
    {
        string[] distinct = names.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length == 0 ? "(none)" : string.Join(", ", distinct);
    }
}
