using System.Text.Json.Nodes;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Workflows.Tests.Definitions;

public class DefinitionSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(DefinitionSchema.Json)!.AsObject();

    private static IEnumerable<string> Properties(JsonNode? schema) =>
        schema!["properties"]!.AsObject().Select(property => property.Key).Order(StringComparer.Ordinal);

    private static JsonNode? Definition(string name) => Schema["$defs"]![name];

    [Fact]
    public void Is_draft_2020_12_and_closed_at_the_root()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
        Assert.False(Schema["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Names_the_same_properties_as_the_reader()
    {
        Assert.Equal(DefinitionShape.RootProperties.Order(StringComparer.Ordinal), Properties(Schema));
        Assert.Equal(DefinitionShape.ParameterProperties.Order(StringComparer.Ordinal), Properties(Definition("parameter")));
        Assert.Equal(DefinitionShape.NodeProperties.Order(StringComparer.Ordinal), Properties(Definition("node")));
        Assert.Equal(DefinitionShape.LoopProperties.Order(StringComparer.Ordinal), Properties(Definition("loop")));
        Assert.Equal(DefinitionShape.EdgeProperties.Order(StringComparer.Ordinal), Properties(Definition("edges")!["items"]));
        Assert.Equal(DefinitionShape.RetryProperties.Order(StringComparer.Ordinal), Properties(Definition("retry")));
    }

    [Fact]
    public void Uses_the_validator_patterns_for_ids()
    {
        Assert.Equal("^[a-z][a-z0-9-]{0,63}$", Schema["properties"]!["id"]!["pattern"]!.GetValue<string>());
        Assert.Equal("^[a-z][a-z0-9_-]{0,63}$", Definition("node")!["properties"]!["id"]!["pattern"]!.GetValue<string>());
    }
}
