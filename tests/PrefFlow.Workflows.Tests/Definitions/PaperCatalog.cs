using System.Text.Json.Nodes;
using PrefFlow.Workflows.Activities;
using ValueType = PrefFlow.Workflows.Activities.ValueType;

namespace PrefFlow.Workflows.Tests.Definitions;

/// <summary>A catalogue of the paper's activities with plausible inputs and outputs, for validation tests.</summary>
public static class PaperCatalog
{
    public static readonly ActivityCatalog Instance = new(
    [
        new("pretrain", "learning", "Pretrains a small policy on the synthetic task.",
            [
                new("preset", ValueType.String, Default: "tiny", AllowedValues: ["tiny", "small"]),
                new("steps", ValueType.Integer, Default: 600, Minimum: 1),
                new("seed", ValueType.Integer, Default: 1, Minimum: 0),
            ],
            [new("policy", ValueType.Artifact)]),
        new("sample", "learning", "Samples responses to prompts from a policy.",
            [
                new("policy", ValueType.Artifact, Required: true),
                new("prompts", ValueType.Integer, Required: true, Minimum: 1),
                new("responses", ValueType.Integer, Default: 8, Minimum: 2),
                new("temperature", ValueType.Number, Default: 1.0, Minimum: 0) { ExclusiveMinimum = true },
                new("seed", ValueType.Integer, Default: 1, Minimum: 0),
            ],
            [new("responses", ValueType.Artifact)]),
        new("score", "learning", "Scores responses with the policy's implicit reward.",
            [
                new("policy", ValueType.Artifact, Required: true),
                new("reference", ValueType.Artifact),
                new("responses", ValueType.Artifact, Required: true),
                new("beta", ValueType.Number, Default: 0.1, Minimum: 0) { ExclusiveMinimum = true },
            ],
            [new("scores", ValueType.Artifact)]),
        new("instance-select", "selection", "Picks a pair of responses for each prompt.",
            [
                new("scores", ValueType.Artifact, Required: true),
                new("rule", ValueType.String, Default: "smallest", AllowedValues: ["smallest", "largest", "random"]),
            ],
            [new("selected", ValueType.Artifact)]),
        new("corpus-select", "selection", "Keeps the most informative pairs of the corpus.",
            [
                new("candidates", ValueType.Artifact, Required: true),
                new("keep", ValueType.Integer, Required: true, Minimum: 1),
            ],
            [new("pairs", ValueType.Artifact)]),
        new("oracle", "labelling", "Labels pairs with the preference oracle.",
            [new("pairs", ValueType.Artifact, Required: true)],
            [new("labels", ValueType.Artifact)]),
        new("train", "learning", "Trains the policy with DPO on labelled pairs.",
            [
                new("policy", ValueType.Artifact, Required: true),
                new("pairs", ValueType.Artifact, Required: true),
                new("epochs", ValueType.Integer, Default: 1, Minimum: 1, Maximum: 100),
                new("lr", ValueType.Number, Default: 3e-5, Minimum: 0) { ExclusiveMinimum = true },
                new("beta", ValueType.Number, Default: 0.1, Minimum: 0) { ExclusiveMinimum = true },
            ],
            [new("policy", ValueType.Artifact), new("loss", ValueType.Number)]),
        new("eval", "evaluation", "Measures the policy's win rate against the reference.",
            [
                new("policy", ValueType.Artifact, Required: true),
                new("prompts", ValueType.Integer, Default: 500, Minimum: 1),
                new("normalised", ValueType.Boolean, Default: false),
            ],
            [new("winRate", ValueType.Number), new("report", ValueType.Artifact)]),
    ]);

}
