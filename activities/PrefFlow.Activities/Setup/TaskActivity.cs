using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Activities.Tasks;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Tasks;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Setup;

/// <summary>
/// <c>task</c>: defines the synthetic task, its gold reward model and the reference system, seeded by the node's
/// seed. Every other activity rebuilds them from the JSON artifact this writes.
/// </summary>
public sealed class TaskActivity : IActivity
{
    private static readonly TaskOptions TaskDefaults = new();
    private static readonly GoldRewardOptions GoldDefaults = new();
    private static readonly ReferenceSystemOptions ReferenceDefaults = new();

    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "task",
        "utility",
        "Defines the synthetic instruction-following task (seeded by the node), its gold reward model and the reference system of the win rate.",
        [
            Input.Integer("minDigits", TaskDefaults.MinDigits, "Fewest digits in an instruction.", minimum: 2, maximum: 64),
            Input.Integer("maxDigits", TaskDefaults.MaxDigits, "Most digits in an instruction (at least minDigits).", minimum: 2, maximum: 64),
            Input.Text("kinds", string.Join(",", TaskDefaults.Kinds.Select(k => k.ToString().ToLowerInvariant())),
                "Instruction kinds drawn, comma-separated: copy, reverse, sort, increment, rotate."),
            Input.Number("demonstrationNoise", TaskDefaults.DemonstrationNoise, "Probability that a token of an SFT demonstration is replaced by a random digit.",
                minimum: 0, maximum: 1, exclusiveMaximum: true),
            Input.Number("slipRate", TaskDefaults.SlipRate, "Probability that a demonstration follows the kind's systematic mistake.", minimum: 0, maximum: 1),
            Input.Integer("maxResponseTokens", TaskDefaults.MaxResponseTokens, "Most tokens in a response, EOS included (at least maxDigits + 1).", minimum: 3, maximum: 256),
            Input.Number("lengthBias", GoldDefaults.LengthBias, "Gold reward added per response token: a hackable bias.", minimum: 0),
            Input.Number("unterminatedPenalty", GoldDefaults.UnterminatedPenalty, "Gold reward taken from a response that never ends.", minimum: 0),
            Input.Number("labelNoise", GoldDefaults.LabelNoise, "Bradley-Terry temperature of the oracle's labels; 0 labels without noise.", minimum: 0),
            Input.Number("referenceErrorRate", ReferenceDefaults.ErrorRate, "Share of prompts on which the reference system's answer has one wrong digit.", minimum: 0, maximum: 1),
        ],
        [Output.Artifact("task", "The task definition (JSON): seed and every option.")]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = context.Inputs;
        var kinds = TaskDefinition.TryParseKinds(inputs.GetString("kinds"), out string? kindError)
            ?? throw new ActivityException($"input 'kinds' is not valid: {kindError}.");
        int minDigits = inputs.GetInt32("minDigits"), maxDigits = inputs.GetInt32("maxDigits"), maxResponseTokens = inputs.GetInt32("maxResponseTokens");
        if (maxDigits < minDigits) throw new ActivityException($"input 'maxDigits' is {maxDigits}; it must be at least minDigits ({minDigits}).");
        if (maxResponseTokens < maxDigits + 1)
        {
            throw new ActivityException($"input 'maxResponseTokens' is {maxResponseTokens}; it must leave room for the longest answer and EOS (maxDigits + 1 = {maxDigits + 1}).");
        }
        var definition = new TaskDefinition(
            context.Seed,
            new TaskOptions
            {
                MinDigits = minDigits,
                MaxDigits = maxDigits,
                Kinds = kinds,
                DemonstrationNoise = inputs.GetDouble("demonstrationNoise"),
                SlipRate = inputs.GetDouble("slipRate"),
                MaxResponseTokens = maxResponseTokens,
            },
            new GoldRewardOptions
            {
                LengthBias = inputs.GetDouble("lengthBias"),
                UnterminatedPenalty = inputs.GetDouble("unterminatedPenalty"),
                LabelNoise = inputs.GetDouble("labelNoise"),
            },
            new ReferenceSystemOptions { ErrorRate = inputs.GetDouble("referenceErrorRate") });
        try
        {
            definition.Task.Validate();
            definition.GoldReward.Validate();
            definition.ReferenceSystem.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ActivityException($"the task's inputs are not valid: {e.Message}", e);
        }
        var task = await ArtifactIO.WriteAsync(context, definition.ToJson(), MediaTypes.Json, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?> { ["task"] = task };
    }
}
