using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Tests.Definitions;

/// <summary>Valid definitions, and mutations of them for the invalid cases.</summary>
public static class Samples
{
    public const string ThreeIterations = """
    {
      "id": "always-smallest",
      "version": 1,
      "name": "Always smallest",
      "description": "Iterative DPO, smallest implicit-reward margin, decreasing budget.",
      "parameters": {
        "seed": { "type": "integer", "default": 1, "minimum": 0, "description": "Random seed." },
        "lr": { "type": "number", "default": 3e-5, "minimum": 0, "exclusiveMinimum": true },
        "preset": { "type": "string", "default": "tiny", "enum": ["tiny", "small"] },
        "normalised": { "type": "boolean", "default": false }
      },
      "nodes": [
        { "id": "pretrain", "activity": "pretrain", "inputs": { "preset": "${params.preset}", "steps": 600, "seed": "${params.seed}" } },
        { "id": "iterations", "loop": {
            "schedule": { "rule": "decrease", "total": 3000, "iterations": 3, "keepFraction": 0.5 },
            "carry": { "policy": "${nodes.pretrain.outputs.policy}" },
            "nodes": [
              { "id": "sample", "activity": "sample", "inputs": { "policy": "${iteration.previous.policy}", "prompts": "${iteration.budget}", "seed": "${params.seed + iteration.index}" } },
              { "id": "score", "activity": "score", "inputs": { "policy": "${iteration.previous.policy}", "responses": "${nodes.sample.outputs.responses}" } },
              { "id": "instance-select", "activity": "instance-select", "inputs": { "scores": "${nodes.score.outputs.scores}", "rule": "smallest" } },
              { "id": "corpus-select", "activity": "corpus-select", "inputs": { "candidates": "${nodes['instance-select'].outputs.selected}", "keep": "${iteration.keptPairs}" } },
              { "id": "oracle", "activity": "oracle", "inputs": { "pairs": "${nodes['corpus-select'].outputs.pairs}" } },
              { "id": "train", "activity": "train", "inputs": { "policy": "${iteration.previous.policy}", "pairs": "${nodes.oracle.outputs.labels}", "lr": "${params.lr}" },
                "retry": { "attempts": 3, "backoffSeconds": 5, "timeoutSeconds": 3600 } }
            ],
            "edges": [
              { "from": "sample", "to": "score" }, { "from": "score", "to": "instance-select" },
              { "from": "instance-select", "to": "corpus-select" }, { "from": "corpus-select", "to": "oracle" },
              { "from": "oracle", "to": "train" }
            ],
            "next": { "policy": "${nodes.train.outputs.policy}" }
        } },
        { "id": "report", "activity": "eval", "inputs": { "policy": "${nodes.iterations.outputs.policy}", "normalised": "${params.normalised}" } }
      ],
      "edges": [ { "from": "pretrain", "to": "iterations" }, { "from": "iterations", "to": "report" } ]
    }
    """;

    /// <summary>The same workflow as a single iteration of 1000 prompts, an explicit list.</summary>
    public static string SingleIteration => Mutate(d => d["nodes"]![1]!["loop"]!["schedule"] = new JsonArray(1000));

    public static JsonObject Parse() => JsonNode.Parse(ThreeIterations)!.AsObject();

    public static string Mutate(Action<JsonObject> change)
    {
        JsonObject definition = Parse();
        change(definition);
        return definition.ToJsonString();
    }

    public static JsonObject Loop(JsonObject definition) => definition["nodes"]![1]!["loop"]!.AsObject();

    public static JsonObject Body(JsonObject definition, int index) => Loop(definition)["nodes"]![index]!.AsObject();

    public static JsonObject Inputs(JsonObject definition, int index) => definition["nodes"]![index]!["inputs"]!.AsObject();

    public static JsonObject BodyInputs(JsonObject definition, int index) => Body(definition, index)["inputs"]!.AsObject();
}
