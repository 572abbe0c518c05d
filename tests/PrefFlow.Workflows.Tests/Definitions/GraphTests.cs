using System.Text.Json.Nodes;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Workflows.Tests.Definitions;

public class GraphTests
{
    private static string Chain(int count, params (string From, string To)[] extra)
    {
        var nodes = new JsonArray();
        var edges = new JsonArray();
        for (int i = 0; i < count; i++)
        {
            nodes.Add(new JsonObject { ["id"] = $"n{i}", ["activity"] = "pretrain" });
            if (i > 0) edges.Add(new JsonObject { ["from"] = $"n{i - 1}", ["to"] = $"n{i}" });
        }
        foreach ((string from, string to) in extra) edges.Add(new JsonObject { ["from"] = from, ["to"] = to });
        return new JsonObject { ["id"] = "chain", ["version"] = 1, ["name"] = "Chain", ["nodes"] = nodes, ["edges"] = edges }.ToJsonString();
    }

    [Fact]
    public void A_long_chain_is_checked_without_deep_recursion()
    {
        DefinitionError error = Assert.Single(DefinitionLoader.Load(Chain(20_000, ("n19999", "n0")), PaperCatalog.Instance).Errors);
        Assert.Equal("/edges/19999", error.Pointer);
        Assert.StartsWith("cycle: n0 -> n1 -> n2 -> n3 -> n4 -> ... (19991 more) ... -> n19996 -> n19997 -> n19998 -> n19999 -> n0;", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cycle_is_reported_once_at_the_edge_that_closes_it()
    {
        IReadOnlyList<DefinitionError> errors = DefinitionLoader.Load(Chain(4, ("n1", "n0"), ("n3", "n2")), PaperCatalog.Instance).Errors;
        Assert.Equal(
            [new DefinitionError("/edges/3", "cycle: n0 -> n1 -> n0; the edges of a flowchart must not loop back (repeat work with a loop node)."),
             new DefinitionError("/edges/4", "cycle: n2 -> n3 -> n2; the edges of a flowchart must not loop back (repeat work with a loop node).")],
            errors);
    }

    [Fact]
    public void A_reference_through_a_path_of_edges_counts_as_running_before()
    {
        string json = Chain(3).Replace("{\"id\":\"n2\",\"activity\":\"pretrain\"}",
            "{\"id\":\"n2\",\"activity\":\"sample\",\"inputs\":{\"policy\":\"${nodes.n0.outputs.policy}\",\"prompts\":5}}", StringComparison.Ordinal);
        Assert.Contains("sample", json, StringComparison.Ordinal);
        Assert.Empty(DefinitionLoader.Load(json, PaperCatalog.Instance).Errors);
    }
}
