using PrefFlow.Workflows.Activities;
using PrefFlow.Workflows.Definitions;

namespace PrefFlow.Workflows.Tests.Definitions;

public class CodeBuiltDefinitionTests
{
    [Fact]
    public void Values_built_in_code_are_checked_like_parsed_ones()
    {
        var definition = new WorkflowDefinition("code", 1, "Code", null,
            [new ParameterDefinition("seed", DataType.Integer, System.Text.Json.Nodes.JsonValue.Create(-3), Minimum: 0)],
            [new NodeDefinition("p", "pretrain", null, new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["steps"] = System.Text.Json.Nodes.JsonValue.Create(0) })],
            []);
        IReadOnlyList<DefinitionError> errors = new DefinitionValidator(PaperCatalog.Instance).Validate(definition);
        Assert.Equal(["/nodes/0/inputs/steps", "/parameters/seed/default"], errors.Select(e => e.Pointer));
        Assert.Contains("must be at least 1, but it is 0", errors[0].Reason, StringComparison.Ordinal);
    }
}
