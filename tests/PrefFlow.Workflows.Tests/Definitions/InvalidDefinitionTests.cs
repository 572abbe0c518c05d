using System.Text.Json.Nodes;
using PrefFlow.Workflows.Definitions;
using static PrefFlow.Workflows.Tests.Definitions.Samples;

namespace PrefFlow.Workflows.Tests.Definitions;

public class InvalidDefinitionTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string, string>();
        void Add(string name, Action<JsonObject> change, string pointer, string phrase) => cases.Add(name, Mutate(change), pointer, phrase);
        void Raw(string name, string json, string pointer, string phrase) => cases.Add(name, json, pointer, phrase);

        // Shape: what the reader reports.
        Raw("malformed JSON", "{ \"id\": \"x\",\n  \"version\": }", "", "malformed JSON at line 2");
        Raw("repeated property", ThreeIterations.Replace("\"version\": 1,", "\"version\": 1, \"version\": 2,"), "/version", "appears more than once");
        Raw("repeated property inside a value", ThreeIterations.Replace("\"steps\": 600", "\"steps\": { \"a\": 1, \"a\": 2 }"), "/nodes/0/inputs/steps/a", "appears more than once");
        Add("unknown property", d => d["nodez"] = 1, "/nodez", "unknown property 'nodez'; expected one of");
        Add("unknown property, wrong case", d => { d["Edges"] = d["edges"]!.DeepClone(); d.Remove("edges"); }, "/Edges", "did you mean 'edges'");
        Add("missing id", d => d.Remove("id"), "", "missing required property 'id'");
        Add("id of the wrong JSON type", d => d["id"] = 7, "/id", "id must be a string, but it is the number 7");
        Add("version not whole", d => d["version"] = 1.5, "/version", "version must be a whole number");
        Add("nodes not a list", d => d["nodes"] = new JsonObject(), "/nodes", "nodes must be a list of nodes");
        Add("node property unknown", d => d["nodes"]![0]!["activty"] = "x", "/nodes/0/activty", "unknown property 'activty'");
        Add("loop property unknown", d => Loop(d)["shedule"] = 1, "/nodes/1/loop/shedule", "unknown property 'shedule'");
        Add("parameter type unknown", d => d["parameters"]!["seed"]!["type"] = "float", "/parameters/seed/type", "unknown parameter type 'float'");
        Add("parameter without default", d => d["parameters"]!["seed"]!.AsObject().Remove("default"), "/parameters/seed", "missing required property 'default'");
        Add("retry attempts not whole", d => Body(d, 5)["retry"]!["attempts"] = "3", "/nodes/1/loop/nodes/5/retry/attempts", "attempts must be a whole number");
        Add("edge without to", d => d["edges"]![0]!.AsObject().Remove("to"), "/edges/0", "missing required property 'to'");

        // Header and parameters.
        Add("bad id", d => d["id"] = "Always_Smallest", "/id", "must match ^[a-z][a-z0-9-]{0,63}$");
        Add("version 0", d => d["version"] = 0, "/version", "version must be at least 1, but it is 0");
        Add("empty name", d => d["name"] = " ", "/name", "name must not be empty");
        Add("parameter default below minimum", d => d["parameters"]!["seed"]!["default"] = -1, "/parameters/seed/default", "must be at least 0, but it is -1");
        Add("parameter default at exclusive minimum", d => d["parameters"]!["lr"]!["default"] = 0, "/parameters/lr/default", "must be more than 0");
        Add("parameter default of the wrong type", d => d["parameters"]!["seed"]!["default"] = "one", "/parameters/seed/default", "must be an integer, but it is the string \"one\"");
        Add("parameter default not whole", d => d["parameters"]!["seed"]!["default"] = 1.5, "/parameters/seed/default", "must be an integer");
        Add("parameter default not in enum", d => d["parameters"]!["preset"]!["default"] = "huge", "/parameters/preset/default", "must be one of 'tiny', 'small'");
        Add("parameter name not an identifier", d => d["parameters"]!["a/b"] = new JsonObject { ["type"] = "integer", ["default"] = 1 }, "/parameters/a~1b", "parameter name 'a/b' must match");
        Add("enum on an integer", d => d["parameters"]!["seed"]!["enum"] = new JsonArray("1"), "/parameters/seed/enum", "enum applies to string parameters");
        Add("maximum below minimum", d => d["parameters"]!["seed"]!["maximum"] = -5, "/parameters/seed/maximum", "no value fits");

        // Activities and inputs.
        Add("unknown activity", d => d["nodes"]![0]!["activity"] = "pretrian", "/nodes/0/activity", "unknown activity 'pretrian'; known activities are: pretrain, sample");
        Add("unknown input", d => Inputs(d, 0)["stepz"] = 5, "/nodes/0/inputs/stepz", "unknown input 'stepz' of activity 'pretrain'; its inputs are: preset, steps, seed");
        Add("unknown input named with '~' and '/'", d => Inputs(d, 0)["a~b/c"] = 5, "/nodes/0/inputs/a~0b~1c", "unknown input 'a~b/c'");
        Add("missing required input", d => BodyInputs(d, 0).Remove("prompts"), "/nodes/1/loop/nodes/0/inputs", "missing required input 'prompts' of activity 'sample'");
        Add("literal of the wrong type", d => Inputs(d, 0)["steps"] = "600", "/nodes/0/inputs/steps", "input 'steps' of activity 'pretrain' must be an integer, but it is the string \"600\"");
        Add("literal boolean for a number", d => BodyInputs(d, 0)["temperature"] = true, "/nodes/1/loop/nodes/0/inputs/temperature", "must be a number, but it is the boolean true");
        Add("literal below minimum", d => Inputs(d, 0)["steps"] = 0, "/nodes/0/inputs/steps", "must be at least 1, but it is 0");
        Add("literal at exclusive minimum", d => BodyInputs(d, 0)["temperature"] = 0, "/nodes/1/loop/nodes/0/inputs/temperature", "must be more than 0");
        Add("literal above maximum", d => BodyInputs(d, 5)["epochs"] = 101, "/nodes/1/loop/nodes/5/inputs/epochs", "must be at most 100");
        Add("literal not allowed", d => BodyInputs(d, 2)["rule"] = "median", "/nodes/1/loop/nodes/2/inputs/rule", "must be one of 'smallest', 'largest', 'random'");
        Add("escaped binding is a literal string", d => Inputs(d, 0)["steps"] = "$${params.seed}", "/nodes/0/inputs/steps", "must be an integer, but it is the string \"${params.seed}\"");
        Add("loop node with inputs", d => d["nodes"]![1]!["inputs"] = new JsonObject { ["x"] = 1 }, "/nodes/1/inputs", "takes no inputs");
        Add("both activity and loop", d => d["nodes"]![1]!["activity"] = "train", "/nodes/1", "exactly one of 'activity' and 'loop', but 'iterations' has both");
        Add("neither activity nor loop", d => d["nodes"]![0]!.AsObject().Remove("activity"), "/nodes/0", "has neither");

        // Bindings.
        Add("bad expression syntax", d => Inputs(d, 0)["steps"] = "${params.seed +}", "/nodes/0/inputs/steps", "bad expression at");
        Add("unclosed segment", d => Inputs(d, 0)["steps"] = "${params.seed", "/nodes/0/inputs/steps", "bad expression at");
        Add("unknown root", d => Inputs(d, 0)["steps"] = "${env.HOME}", "/nodes/0/inputs/steps", "bad expression at");
        Add("unknown parameter", d => Inputs(d, 0)["seed"] = "${params.sed}", "/nodes/0/inputs/seed", "at 2: unknown parameter 'sed'; declared parameters are: seed, lr, preset, normalised");
        Add("parameter path too long", d => Inputs(d, 0)["seed"] = "${params.seed.x}", "/nodes/0/inputs/seed", "a parameter reference reads params.<name>");
        Add("node that does not run before", d => Inputs(d, 0)["steps"] = "${nodes.report.outputs.winRate}", "/nodes/0/inputs/steps", "node 'report' does not run before 'pretrain': add an edge from report to pretrain");
        Add("body node that does not run before", d => BodyInputs(d, 0)["policy"] = "${nodes.train.outputs.policy}", "/nodes/1/loop/nodes/0/inputs/policy", "add an edge from train to sample");
        Add("enclosing node after the loop", d => BodyInputs(d, 0)["policy"] = "${nodes.report.outputs.report}", "/nodes/1/loop/nodes/0/inputs/policy", "add an edge from report to iterations");
        Add("own outputs", d => BodyInputs(d, 5)["pairs"] = "${nodes.train.outputs.policy}", "/nodes/1/loop/nodes/5/inputs/pairs", "node 'train' cannot read its own outputs");
        Add("unknown node", d => Inputs(d, 2)["policy"] = "${nodes.nothere.outputs.policy}", "/nodes/2/inputs/policy", "unknown node 'nothere'");
        Add("body node read from outside the loop", d => Inputs(d, 2)["policy"] = "${nodes.train.outputs.policy}", "/nodes/2/inputs/policy", "unknown node 'train'");
        Add("node reference without outputs", d => Inputs(d, 2)["policy"] = "${nodes.pretrain.policy}", "/nodes/2/inputs/policy", "a node reference reads nodes.<id>.outputs.<name>");
        Add("unknown output", d => BodyInputs(d, 5)["pairs"] = "${nodes.oracle.outputs.label}", "/nodes/1/loop/nodes/5/inputs/pairs", "unknown output 'label' of node 'oracle' (activity 'oracle'); its outputs are: labels");
        Add("unknown output of a loop node", d => Inputs(d, 2)["policy"] = "${nodes.iterations.outputs.model}", "/nodes/2/inputs/policy", "unknown output 'model' of loop node 'iterations'");
        Add("iteration outside a loop", d => Inputs(d, 0)["steps"] = "${iteration.budget}", "/nodes/0/inputs/steps", "exists only inside a loop body");
        Add("iteration in a top-level loop's carry", d => Loop(d)["carry"]!["policy"] = "${iteration.index}", "/nodes/1/loop/carry/policy", "exists only inside a loop body");
        Add("unknown iteration member", d => BodyInputs(d, 0)["prompts"] = "${iteration.size}", "/nodes/1/loop/nodes/0/inputs/prompts", "unknown iteration member 'size'");
        Add("member of an iteration number", d => BodyInputs(d, 0)["prompts"] = "${iteration.budget.total}", "/nodes/1/loop/nodes/0/inputs/prompts", "iteration.budget is a number and has no members");
        Add("previous of an uncarried name", d => BodyInputs(d, 0)["policy"] = "${iteration.previous.model}", "/nodes/1/loop/nodes/0/inputs/policy", "'model' is not a carried variable of the loop");
        Add("string parameter into an integer input", d => BodyInputs(d, 0)["prompts"] = "${params.preset}", "/nodes/1/loop/nodes/0/inputs/prompts", "type mismatch: input 'prompts' of activity 'sample' takes an integer, but 'params.preset' gives a string");
        Add("number parameter into an integer input", d => Inputs(d, 0)["steps"] = "${params.lr}", "/nodes/0/inputs/steps", "takes an integer, but 'params.lr' gives a number");
        Add("integer parameter into a string input", d => Inputs(d, 0)["preset"] = "${params.seed}", "/nodes/0/inputs/preset", "takes a string, but 'params.seed' gives an integer");
        Add("output of the wrong type", d => Inputs(d, 2)["normalised"] = "${nodes.pretrain.outputs.policy}", "/nodes/2/inputs/normalised", "takes a boolean, but 'nodes.pretrain.outputs.policy' gives an artifact");
        // A carried variable has its initial value's type, inside the body (previous) and after the loop (its output).
        Add("previous value of the wrong type", d => BodyInputs(d, 0)["prompts"] = "${iteration.previous.policy}", "/nodes/1/loop/nodes/0/inputs/prompts", "takes an integer, but 'iteration.previous.policy' gives an artifact");
        Add("loop output of the wrong type", d => Inputs(d, 2)["normalised"] = "${nodes.iterations.outputs.policy}", "/nodes/2/inputs/normalised", "takes a boolean, but 'nodes.iterations.outputs.policy' gives an artifact");

        // Loops and schedules.
        Add("next names a variable not carried", d => { Loop(d)["next"] = new JsonObject { ["model"] = "${nodes.train.outputs.policy}" }; }, "/nodes/1/loop/next/model", "'model' is not a carried variable");
        Add("carried variable without a next value", d => Loop(d)["next"] = new JsonObject(), "/nodes/1/loop/next", "missing 'policy'");
        Add("impossible schedule", d => Loop(d)["schedule"]!["total"] = 2, "/nodes/1/loop/schedule/total", "gets 0 prompts from a total of 2");
        Add("schedule keep fraction out of range", d => Loop(d)["schedule"]!["keepFraction"] = 1.5, "/nodes/1/loop/schedule/keepFraction", "keepFraction must be");
        Add("schedule rule unknown", d => Loop(d)["schedule"]!["rule"] = "shrink", "/nodes/1/loop/schedule/rule", "unknown rule \"shrink\"");
        Add("schedule budget of zero", d => Loop(d)["schedule"] = new JsonArray(1000, 0), "/nodes/1/loop/schedule/1", "must be at least 1 prompt, but it is 0");
        Add("schedule bound to an unknown parameter", d => Loop(d)["schedule"]!["total"] = "${params.budget}", "/nodes/1/loop/schedule/total", "unknown parameter 'budget'");
        Add("schedule bound to a node output", d => Loop(d)["schedule"]!["iterations"] = "${nodes.train.outputs.policy}", "/nodes/1/loop/schedule/iterations", "train");
        Add("empty loop body", d => { Loop(d)["nodes"] = new JsonArray(); Loop(d)["edges"] = new JsonArray(); }, "/nodes/1/loop/nodes", "a flowchart needs at least one node");

        // The graph.
        Add("edge to an unknown node", d => d["edges"]![1]!["to"] = "reprot", "/edges/1/to", "edge to unknown node 'reprot'; the nodes of this flowchart are: pretrain, iterations, report");
        Add("edge from a body node at the top level", d => d["edges"]![1]!["from"] = "train", "/edges/1/from", "edge from unknown node 'train'");
        Add("self edge", d => d["edges"]!.AsArray().Add(new JsonObject { ["from"] = "report", ["to"] = "report" }), "/edges/2", "self edge from 'report'");
        Add("duplicate edge", d => d["edges"]!.AsArray().Add(new JsonObject { ["from"] = "pretrain", ["to"] = "iterations" }), "/edges/2", "duplicate edge from 'pretrain' to 'iterations': /edges/0 has it already");
        Add("cycle", d => d["edges"]!.AsArray().Add(new JsonObject { ["from"] = "report", ["to"] = "pretrain" }), "/edges/2", "cycle: pretrain -> iterations -> report -> pretrain");
        Add("cycle in a loop body", d => Loop(d)["edges"]!.AsArray().Add(new JsonObject { ["from"] = "oracle", ["to"] = "instance-select" }), "/nodes/1/loop/edges/5", "cycle: instance-select -> corpus-select -> oracle -> instance-select");
        Add("unreachable node", d => d["nodes"]!.AsArray().Add(new JsonObject { ["id"] = "extra", ["activity"] = "eval", ["inputs"] = new JsonObject { ["policy"] = "sha256:00" } }), "/nodes/3", "unreachable: not connected to the flowchart");
        Add("duplicate node id", d => d["nodes"]![2]!["id"] = "pretrain", "/nodes/2/id", "duplicate node id 'pretrain': /nodes/0 has it already");
        Add("bad node id", d => Body(d, 0)["id"] = "Sample", "/nodes/1/loop/nodes/0/id", "node id 'Sample' must match");

        // Retry.
        Add("retry attempts zero", d => Body(d, 5)["retry"]!["attempts"] = 0, "/nodes/1/loop/nodes/5/retry/attempts", "attempts must be from 1 to 20, but it is 0");
        Add("retry attempts too many", d => Body(d, 5)["retry"]!["attempts"] = 21, "/nodes/1/loop/nodes/5/retry/attempts", "from 1 to 20");
        Add("retry backoff negative", d => Body(d, 5)["retry"]!["backoffSeconds"] = -1, "/nodes/1/loop/nodes/5/retry/backoffSeconds", "backoffSeconds must be at least 0");
        Add("retry timeout zero", d => Body(d, 5)["retry"]!["timeoutSeconds"] = 0, "/nodes/1/loop/nodes/5/retry/timeoutSeconds", "timeoutSeconds must be more than 0");
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_error_at_its_pointer(string name, string json, string pointer, string phrase)
    {
        IReadOnlyList<DefinitionError> errors = DefinitionLoader.Load(json, PaperCatalog.Instance).Errors;
        string all = string.Join("\n", errors);
        Assert.True(errors.Any(e => e.Pointer == pointer && e.Reason.Contains(phrase, StringComparison.Ordinal)),
            $"{name}: expected an error at '{pointer}' containing '{phrase}'; got:\n{all}");
    }

    [Fact]
    public void Covers_at_least_thirty_invalid_definitions()
    {
        Assert.True(Cases().Count >= 30);
        Assert.Equal(Cases().Count, Cases().Select(row => (string)row[0]).Distinct().Count());
    }
}
