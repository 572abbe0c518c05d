using PrefFlow.Workflows.Expressions;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Runtime;

/// <summary>
/// What bindings can read while one flowchart executes: the run's parameters and identity, the current iteration
/// (inside a loop body), and the outputs of nodes completed in this flowchart or an enclosing one (innermost first,
/// as the validator resolves them).
/// </summary>
internal sealed class RuntimeScope : IReferenceResolver
{
    private readonly ConcurrentDictionary<string, JsonObject> _outputs = new(StringComparer.Ordinal);
    private readonly JsonObject _parameters;
    private readonly JsonObject _run;
    private readonly JsonObject? _iteration;

    private RuntimeScope(RuntimeScope? parent, JsonObject parameters, JsonObject run, JsonObject? iteration, string pathPrefix)
    {
        Parent = parent;
        _parameters = parameters;
        _run = run;
        _iteration = iteration;
        PathPrefix = pathPrefix;
    }

    public RuntimeScope? Parent { get; }

    /// <summary>What a node's id is prefixed with to give its path: "" at the top, "loop/2/" in iteration 2 of "loop".</summary>
    public string PathPrefix { get; }

    public static RuntimeScope Top(JsonObject parameters, JsonObject run) => new(null, parameters, run, null, "");

    public RuntimeScope Iteration(string loopPath, int index, JsonObject iteration) =>
        new(this, _parameters, _run, iteration, $"{loopPath}/{index}/");

    public string PathOf(string nodeId) => PathPrefix + nodeId;

    public void SetOutputs(string nodeId, JsonObject outputs) => _outputs[nodeId] = outputs;

    public bool TryResolve(ReferencePath path, out JsonNode? value)
    {
        value = null;
        switch (path.Root)
        {
            case "params" when path.Segments.Count == 1:
                value = _parameters;
                return true;
            case "run" when path.Segments.Count == 1:
                value = _run;
                return true;
            case "iteration" when path.Segments.Count == 1 && _iteration is not null:
                value = _iteration;
                return true;
            case "nodes" when path.Segments.Count == 2:
                for (RuntimeScope? scope = this; scope is not null; scope = scope.Parent)
                {
                    if (scope._outputs.TryGetValue(path.Segments[1], out JsonObject? outputs))
                    {
                        value = new JsonObject { ["outputs"] = outputs.DeepClone() };
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}
