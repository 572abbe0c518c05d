using PrefFlow.Workflows.Definitions;
using Snapshooter.Xunit;

namespace PrefFlow.Activities.Tests;

/// <summary>
/// The built-in definitions validate against the real activity catalogue; their shape (parameters with defaults,
/// node paths and activities, schedules) is kept in a snapshot, so a change to one is a diff to review.
/// </summary>
public sealed class BuiltInDefinitionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "definitions");

    [Fact]
    public void Every_built_in_definition_is_valid_and_shaped_as_reviewed()
    {
        var shapes = new List<object>();
        foreach (string file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            DefinitionReadResult result = DefinitionLoader.Load(File.ReadAllText(file), BuiltInActivities.Descriptors);
            Assert.True(result.Succeeded, $"{Path.GetFileName(file)}: {string.Join("; ", result.Errors)}");
            WorkflowDefinition definition = result.Definition!;
            Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.Id);
            shapes.Add(new
            {
                definition.Id,
                definition.Version,
                Parameters = definition.Parameters.ToDictionary(p => p.Name, p => p.Default?.ToJsonString()),
                Nodes = Nodes(definition.Nodes, ""),
                Schedules = definition.Nodes.Where(n => n.Loop is not null).ToDictionary(n => n.Id, n => n.Loop!.Schedule?.ToJsonString()),
            });
        }
        Assert.Equal(7, shapes.Count);
        Snapshot.Match(shapes);
    }

    [Fact]
    public void The_initial_policy_is_always_trained_by_plain_dpo()
    {
        // Comparing online losses must keep pi^0 fixed.
        foreach (string file in Directory.GetFiles(Folder, "*.json"))
        {
            var initial = Load(file).Nodes.Single(n => n.Id == "initial");
            Assert.Equal("\"dpo\"", initial.Inputs["loss"]!.ToJsonString());
        }
    }

    [Fact]
    public void The_updated_reference_definition_trains_each_policy_against_its_predecessor()
    {
        var loop = Load(Path.Combine(Folder, "always-smallest-updated-reference.json")).Nodes.Single(n => n.Loop is not null).Loop!;
        string Reference(string node) => loop.Nodes.Single(n => n.Id == node).Inputs["reference"]!.GetValue<string>();
        Assert.Equal("${iteration.previous.policy}", Reference("train"));
        // Scoring pi^{i-1} against itself would make every implicit reward 0: it is scored against its own reference.
        Assert.Equal("${iteration.previous.reference}", Reference("score"));
        Assert.Equal("${nodes.pretrain.outputs.policy}", loop.Carry["reference"]!.GetValue<string>());
        Assert.Equal("${iteration.previous.policy}", loop.Next["reference"]!.GetValue<string>());
    }

    private static WorkflowDefinition Load(string file) =>
        DefinitionLoader.Load(File.ReadAllText(file), BuiltInActivities.Descriptors).Definition!;

    private static List<string> Nodes(IReadOnlyList<NodeDefinition> nodes, string prefix) =>
        [.. nodes.SelectMany(node => node.Loop is { } loop
            ? Nodes(loop.Nodes, $"{prefix}{node.Id}/i/")
            : [$"{prefix}{node.Id}: {node.Activity}"])];
}
