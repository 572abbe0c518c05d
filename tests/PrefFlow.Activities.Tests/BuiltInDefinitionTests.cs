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
        Assert.Equal(6, shapes.Count);
        Snapshot.Match(shapes);
    }

    private static List<string> Nodes(IReadOnlyList<NodeDefinition> nodes, string prefix) =>
        [.. nodes.SelectMany(node => node.Loop is { } loop
            ? Nodes(loop.Nodes, $"{prefix}{node.Id}/i/")
            : [$"{prefix}{node.Id}: {node.Activity}"])];
}
