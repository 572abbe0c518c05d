namespace PrefFlow.Workflows.Definitions;

/// <summary>One flowchart's nodes and edges (the top level or a loop body), with the ancestry its edges give.</summary>
internal sealed class Flowchart
{
    private readonly Dictionary<string, NodeDefinition> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _predecessors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);

    public Flowchart(IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<EdgeDefinition> edges, string pointer)
    {
        Nodes = nodes;
        Edges = edges;
        Pointer = pointer;
        foreach (NodeDefinition node in nodes) _byId.TryAdd(node.Id, node);
        foreach (EdgeDefinition edge in edges)
        {
            if (!_byId.ContainsKey(edge.From) || !_byId.ContainsKey(edge.To) || edge.From == edge.To) continue;
            if (!_predecessors.TryGetValue(edge.To, out List<string>? list)) _predecessors[edge.To] = list = [];
            list.Add(edge.From);
        }
    }

    public IReadOnlyList<NodeDefinition> Nodes { get; }

    public IReadOnlyList<EdgeDefinition> Edges { get; }

    /// <summary>The pointer of the object holding "nodes" and "edges": "" or "/nodes/1/loop".</summary>
    public string Pointer { get; }

    public string IdList => Nodes.Count == 0 ? "(none)" : string.Join(", ", Nodes.Select(node => node.Id).Distinct());

    public NodeDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every node with a path of edges to <paramref name="id"/>: the nodes that surely run before it.</summary>
    public IReadOnlySet<string> Ancestors(string id)
    {
        if (_ancestors.TryGetValue(id, out HashSet<string>? known)) return known;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(id);
        while (pending.Count > 0)
        {
            foreach (string predecessor in _predecessors.GetValueOrDefault(pending.Pop()) ?? [])
            {
                if (found.Add(predecessor)) pending.Push(predecessor);
            }
        }
        _ancestors[id] = found;
        return found;
    }
}
