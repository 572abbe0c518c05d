using PrefFlow.Workflows.Json;
using System.Text.RegularExpressions;

namespace PrefFlow.Workflows.Definitions;

/// <summary>The rules of one flowchart's shape: node ids, edge endpoints, no cycles, every node connected.</summary>
internal static partial class GraphRules
{
    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex NodeId();

    public static void Check(Flowchart chart, List<DefinitionError> errors)
    {
        string nodesPointer = chart.Pointer + "/nodes";
        if (chart.Nodes.Count == 0) errors.Add(new(nodesPointer, "a flowchart needs at least one node."));
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < chart.Nodes.Count; i++)
        {
            string id = chart.Nodes[i].Id;
            string pointer = JsonPointer.Append(JsonPointer.Append(nodesPointer, i), "id");
            if (!NodeId().IsMatch(id))
            {
                errors.Add(new(pointer, $"node id '{id}' must match ^[a-z][a-z0-9_-]{{0,63}}$: a lower-case letter, then up to 63 lower-case letters, digits, '_' or '-'."));
            }
            if (!first.TryAdd(id, i)) errors.Add(new(pointer, $"duplicate node id '{id}': {nodesPointer}/{first[id]} has it already; ids are unique within a flowchart."));
        }
        List<(int Index, EdgeDefinition Edge)> valid = Edges(chart, errors);
        Cycles(chart, valid, errors);
        Connected(chart, valid, errors);
    }

    // Reports bad edges and returns the others, each with its index.
    private static List<(int, EdgeDefinition)> Edges(Flowchart chart, List<DefinitionError> errors)
    {
        var valid = new List<(int, EdgeDefinition)>();
        var seen = new Dictionary<(string, string), int>();
        for (int i = 0; i < chart.Edges.Count; i++)
        {
            EdgeDefinition edge = chart.Edges[i];
            string pointer = JsonPointer.Append(chart.Pointer + "/edges", i);
            bool ok = true;
            foreach ((string end, string id) in new[] { ("from", edge.From), ("to", edge.To) })
            {
                if (chart.Find(id) is not null) continue;
                errors.Add(new(pointer + "/" + end, $"edge {end} unknown node '{id}'; the nodes of this flowchart are: {chart.IdList}."));
                ok = false;
            }
            if (edge.From == edge.To)
            {
                errors.Add(new(pointer, $"self edge from '{edge.From}' to itself: a node cannot run after itself (use a loop node to repeat work)."));
                ok = false;
            }
            else if (!seen.TryAdd((edge.From, edge.To), i))
            {
                errors.Add(new(pointer, $"duplicate edge from '{edge.From}' to '{edge.To}': {chart.Pointer}/edges/{seen[(edge.From, edge.To)]} has it already."));
                ok = false;
            }
            if (ok) valid.Add((i, edge));
        }
        return valid;
    }

    // Depth-first search in document order; each edge back to a node still on the path closes one cycle.
    // Iterative, so that a long chain of nodes in an untrusted document cannot overflow the stack.
    private static void Cycles(Flowchart chart, List<(int Index, EdgeDefinition Edge)> edges, List<DefinitionError> errors)
    {
        var outgoing = edges.GroupBy(e => e.Edge.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var done = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: finished
        var path = new List<string>();
        var next = new List<int>(); // for each node on the path, the position of its next outgoing edge
        foreach (NodeDefinition start in chart.Nodes)
        {
            if (done.ContainsKey(start.Id)) continue;
            Enter(start.Id);
            while (path.Count > 0)
            {
                string id = path[^1];
                List<(int Index, EdgeDefinition Edge)> leaving = outgoing.GetValueOrDefault(id) ?? [];
                if (next[^1] == leaving.Count)
                {
                    done[id] = true;
                    path.RemoveAt(path.Count - 1);
                    next.RemoveAt(next.Count - 1);
                    continue;
                }
                (int index, EdgeDefinition edge) = leaving[next[^1]++];
                if (!done.TryGetValue(edge.To, out bool finished)) Enter(edge.To);
                else if (!finished)
                {
                    string cycle = Describe([.. path.Skip(path.IndexOf(edge.To)), edge.To]);
                    errors.Add(new(JsonPointer.Append(chart.Pointer + "/edges", index),
                        $"cycle: {cycle}; the edges of a flowchart must not loop back (repeat work with a loop node)."));
                }
            }
        }

        void Enter(string id)
        {
            done[id] = false;
            path.Add(id);
            next.Add(0);
        }
    }

    // A long cycle is named by its ends, so that one error cannot run to megabytes.
    private static string Describe(List<string> cycle) => cycle.Count <= 12
        ? string.Join(" -> ", cycle)
        : string.Join(" -> ", cycle.Take(5)) + $" -> ... ({cycle.Count - 10} more) ... -> " + string.Join(" -> ", cycle.TakeLast(5));

    private static void Connected(Flowchart chart, List<(int Index, EdgeDefinition Edge)> edges, List<DefinitionError> errors)
    {
        if (chart.Nodes.Count < 2) return;
        var linked = new HashSet<string>(edges.SelectMany(e => new[] { e.Edge.From, e.Edge.To }), StringComparer.Ordinal);
        for (int i = 0; i < chart.Nodes.Count; i++)
        {
            string id = chart.Nodes[i].Id;
            if (linked.Contains(id)) continue;
            errors.Add(new(JsonPointer.Append(chart.Pointer + "/nodes", i),
                $"unreachable: not connected to the flowchart; add an edge from or to '{id}'."));
        }
    }
}
