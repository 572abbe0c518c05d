using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Workflows.Tests.Definitions;

public class ActivityCatalogTests
{
    [Fact]
    public void Finds_activities_by_name_in_the_order_given()
    {
        Assert.Equal(["pretrain", "sample", "score", "instance-select", "corpus-select", "oracle", "train", "eval"],
            PaperCatalog.Instance.Activities.Select(a => a.Name));
        Assert.True(PaperCatalog.Instance.TryGet("train", out ActivityDescriptor? train));
        Assert.Equal(DataType.Number, train.FindOutput("loss")!.Type);
        Assert.False(PaperCatalog.Instance.TryGet("Train", out _));
    }

    [Fact]
    public void Rejects_two_activities_with_one_name()
    {
        var activity = new ActivityDescriptor("a", "c", "d", [], []);
        ArgumentException error = Assert.Throws<ArgumentException>(() => new ActivityCatalog([activity, activity]));
        Assert.Contains("'a' appears more than once", error.Message);
    }

    [Fact]
    public void A_required_input_with_a_default_need_not_be_given()
    {
        var catalog = new ActivityCatalog([new ActivityDescriptor("a", "c", "d", [new InputDescriptor("n", DataType.Integer, Required: true, Default: 3)], [])]);
        const string json = """{ "id": "w", "version": 1, "name": "W", "nodes": [ { "id": "a", "activity": "a" } ] }""";
        Assert.Empty(DefinitionLoader.Load(json, catalog).Errors);
    }
}
