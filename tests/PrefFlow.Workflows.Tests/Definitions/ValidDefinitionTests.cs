using PrefFlow.Workflows.Activities;
using System.Text;
using System.Text.Json.Nodes;
using PrefFlow.Workflows.Definitions;
using PrefFlow.Workflows.Schedules;
using static PrefFlow.Workflows.Tests.Definitions.Samples;

namespace PrefFlow.Workflows.Tests.Definitions;

public class ValidDefinitionTests
{
    private static WorkflowDefinition LoadValid(string json)
    {
        DefinitionReadResult result = DefinitionLoader.Load(json, PaperCatalog.Instance);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        Assert.True(result.Succeeded);
        return result.Definition;
    }

    [Fact]
    public void The_three_iteration_loop_is_valid()
    {
        WorkflowDefinition definition = LoadValid(ThreeIterations);
        Assert.Equal("always-smallest", definition.Id);
        Assert.Equal(1, definition.Version);
        Assert.Equal(["pretrain", "iterations", "report"], definition.Nodes.Select(n => n.Id));
        LoopDefinition loop = definition.Nodes[1].Loop!;
        Assert.Equal(6, loop.Nodes.Count);
        Assert.Equal(5, loop.Edges.Count);
        Assert.Equal("${nodes.train.outputs.policy}", loop.Next["policy"]!.GetValue<string>());
        Assert.Equal(new RetryDefinition(3, 5, 3600), loop.Nodes[5].Retry);
    }

    [Fact]
    public void The_schedule_is_kept_as_json_that_the_schedule_reader_expands()
    {
        WorkflowDefinition definition = LoadValid(ThreeIterations);
        var element = System.Text.Json.JsonSerializer.SerializeToElement(definition.Nodes[1].Loop!.Schedule);
        BudgetScheduleParseResult schedule = BudgetScheduleJson.Parse(element);
        Assert.True(schedule.Succeeded);
        Assert.Equal(3, schedule.Schedule.Iterations);
        Assert.Equal(3000, schedule.Schedule.Total);
    }

    [Fact]
    public void A_single_iteration_is_valid() => Assert.Equal(1000, Assert.Single(LoadValid(SingleIteration).Nodes[1].Loop!.Schedule!.AsArray())!.GetValue<int>());

    [Fact]
    public void Parameters_are_read_with_their_types_ranges_and_enums()
    {
        WorkflowDefinition definition = LoadValid(ThreeIterations);
        Assert.Equal(["seed", "lr", "preset", "normalised"], definition.Parameters.Select(p => p.Name));
        ParameterDefinition lr = definition.Parameters[1];
        Assert.Equal(DataType.Number, lr.Type);
        Assert.Equal(0, lr.Minimum);
        Assert.True(lr.ExclusiveMinimum);
        Assert.Equal(["tiny", "small"], definition.Parameters[2].AllowedValues!);
        Assert.Equal("Random seed.", definition.Parameters[0].Description);
    }

    [Fact]
    public void A_flat_workflow_without_a_loop_is_valid()
    {
        const string json = """
        { "id": "one-shot", "version": 2, "name": "One shot",
          "nodes": [
            { "id": "pretrain", "activity": "pretrain" },
            { "id": "sample", "activity": "sample", "inputs": { "policy": "${nodes.pretrain.outputs.policy}", "prompts": 100 } },
            { "id": "report", "activity": "eval", "inputs": { "policy": "${nodes.pretrain.outputs.policy}", "prompts": "${nodes.sample.outputs.responses}" } }
          ],
          "edges": [ { "from": "pretrain", "to": "sample" }, { "from": "sample", "to": "report" } ] }
        """;
        // An artifact into an integer input is a type mismatch: the flat workflow shows one is found, then fixes it.
        IReadOnlyList<DefinitionError> errors = DefinitionLoader.Load(json, PaperCatalog.Instance).Errors;
        Assert.Equal([new DefinitionError("/nodes/2/inputs/prompts",
            "type mismatch: input 'prompts' of activity 'eval' takes an integer, but 'nodes.sample.outputs.responses' gives an artifact.")], errors);
        LoadValid(json.Replace("\"prompts\": \"${nodes.sample.outputs.responses}\"", "\"prompts\": 50", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_node_needs_no_edges() =>
        LoadValid("""{ "id": "p", "version": 1, "name": "P", "nodes": [ { "id": "p", "activity": "pretrain" } ] }""");

    [Fact]
    public void Loops_nest_and_inner_bodies_read_outer_nodes_that_run_before_the_inner_loop()
    {
        string json = Mutate(d =>
        {
            JsonObject outer = Loop(d);
            outer["nodes"]!.AsArray().Add(new JsonObject
            {
                ["id"] = "polish",
                ["loop"] = new JsonObject
                {
                    ["schedule"] = new JsonArray(10, 10),
                    ["carry"] = new JsonObject { ["model"] = "${nodes.train.outputs.policy}" },
                    ["nodes"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "train",
                        ["activity"] = "train",
                        ["inputs"] = new JsonObject
                        {
                            ["policy"] = "${iteration.previous.model}",
                            ["pairs"] = "${nodes.oracle.outputs.labels}",
                            ["epochs"] = "${iteration.number}",
                        },
                    }),
                    ["next"] = new JsonObject { ["model"] = "${nodes.train.outputs.policy}" },
                },
            });
            outer["edges"]!.AsArray().Add(new JsonObject { ["from"] = "train", ["to"] = "polish" });
            outer["next"]!["policy"] = "${nodes.polish.outputs.model}";
        });
        WorkflowDefinition definition = LoadValid(json);
        Assert.NotNull(definition.Nodes[1].Loop!.Nodes[6].Loop);
    }

    [Fact]
    public void Next_values_may_read_any_body_node_and_bindings_that_compute_are_not_type_checked()
    {
        LoadValid(Mutate(d =>
        {
            Loop(d)["carry"]!["loss"] = 0;
            Loop(d)["next"]!["loss"] = "${nodes.train.outputs.loss}";
            BodyInputs(d, 0)["prompts"] = "${iteration.budget * 2}";
            Inputs(d, 0)["preset"] = "tiny";
        }));
    }

    [Fact]
    public void Reads_from_a_stream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ThreeIterations));
        DefinitionReadResult result = DefinitionReader.Read(stream);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("Always smallest", result.Definition.Name);
    }

    [Fact]
    public void Every_error_is_reported_in_pointer_order()
    {
        string json = Mutate(d =>
        {
            d["version"] = 0;
            Inputs(d, 0)["steps"] = 0;
            d["edges"]!.AsArray().Add(new JsonObject { ["from"] = "report", ["to"] = "report" });
            d["id"] = "Bad";
        });
        IReadOnlyList<DefinitionError> errors = DefinitionLoader.Load(json, PaperCatalog.Instance).Errors;
        Assert.Equal(["/edges/2", "/id", "/nodes/0/inputs/steps", "/version"], errors.Select(e => e.Pointer));
    }

    [Fact]
    public void Shape_errors_are_all_reported_and_no_definition_is_given()
    {
        DefinitionReadResult result = DefinitionReader.Read("""{ "id": 1, "version": "1", "name": "x", "nodes": [ { "id": "a", "x": 1 } ], "y": 2 }""");
        Assert.False(result.Succeeded);
        Assert.Null(result.Definition);
        Assert.Equal(["/id", "/nodes/0/x", "/version", "/y"], result.Errors.Select(e => e.Pointer));
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_reported_at_the_root()
    {
        DefinitionError error = Assert.Single(DefinitionReader.Read("[1, 2]").Errors);
        Assert.Equal(new DefinitionError("", "a workflow definition must be an object, but it is a list."), error);
    }

    [Fact]
    public void An_error_prints_its_pointer_then_its_reason()
    {
        Assert.Equal("/a~1b: bad", new DefinitionError("/a~1b", "bad").ToString());
        Assert.Equal("bad", new DefinitionError("", "bad").ToString());
    }
}
