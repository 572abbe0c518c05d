using System.Text.Json.Nodes;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Workflows.Tests.Definitions;

/// <summary>A catalogue of the paper's activities with plausible inputs and outputs, for validation tests.</summary>
public static class PaperCatalog
{
    public static readonly ActivityCatalog Instance = new(
    [
        new("pretrain", "learning", "Pretrains a small policy on the synthetic task.",
            [
                new("preset", DataType.String, Default: "tiny", AllowedValues: ["tiny", "small"]),
                new("steps", DataType.Integer, Default: 600, Minimum: 1),
                new("seed", DataType.Integer, Default: 1, Minimum: 0),
            ],
            [new("policy", DataType.Artifact)]),
        new("sample", "learning", "Samples responses to prompts from a policy.",
            [
                new("policy", DataType.Artifact, Required: true),
                new("prompts", DataType.Integer, Required: true, Minimum: 1),
                new("responses", DataType.Integer, Default: 8, Minimum: 2),
                new("temperature", DataType.Number, Default: 1.0, Minimum: 0) { ExclusiveMinimum = true },
                new("seed", DataType.Integer, Default: 1, Minimum: 0),
            ],
            [new("responses", DataType.Artifact)]),
        new("score", "learning", "Scores responses with the policy's implicit reward.",
            [
                new("policy", DataType.Artifact, Required: true),
                new("reference", DataType.Artifact),
                new("responses", DataType.Artifact, Required: true),
                new("beta", DataType.Number, Default: 0.1, Minimum: 0) { ExclusiveMinimum = true },
            ],
            [new("scores", DataType.Artifact)]),
        new("instance-select", "selection", "Picks a pair of responses for each prompt.",
            [
                new("scores", DataType.Artifact, Required: true),
                new("rule", DataType.String, Default: "smallest", AllowedValues: ["smallest", "largest", "random"]),
            ],
            [new("selected", DataType.Artifact)]),
        new("corpus-select", "selection", "Keeps the most informative pairs of the corpus.",
            [
                new("candidates", DataType.Artifact, Required: true),
                new("keep", DataType.Integer, Required: true, Minimum: 1),
            ],
            [new("pairs", DataType.Artifact)]),
        new("oracle", "labelling", "Labels pairs with the preference oracle.",
            [new("pairs", DataType.Artifact, Required: true)],
            [new("labels", DataType.Artifact)]),
        new("train", "learning", "Trains the policy with DPO on labelled pairs.",
            [
                new("policy", DataType.Artifact, Required: true),
                new("pairs", DataType.Artifact, Required: true),
                new("epochs", DataType.Integer, Default: 1, Minimum: 1, Maximum: 100),
                new("lr", DataType.Number, Default: 3e-5, Minimum: 0) { ExclusiveMinimum = true },
                new("beta", DataType.Number, Default: 0.1, Minimum: 0) { ExclusiveMinimum = true },
            ],
            [new("policy", DataType.Artifact), new("loss", DataType.Number)]),
        new("eval", "evaluation", "Measures the policy's win rate against the reference.",
            [
                new("policy", DataType.Artifact, Required: true),
                new("prompts", DataType.Integer, Default: 500, Minimum: 1),
                new("normalised", DataType.Boolean, Default: false),
            ],
            [new("winRate", DataType.Number), new("report", DataType.Artifact)]),
    ]);

}
