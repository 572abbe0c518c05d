using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Training;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Training;

/// <summary>
/// <c>train</c>: preference optimisation (DPO, IPO, conservative DPO, or the reference-free, length-normalised
/// SimPO, with an optional NLL term on the chosen response) of a policy on labelled pairs, giving pi^i. SimPO's loss
/// ignores the reference; its reward accuracy still measures the implicit reward against it. Defaults are the experiment
/// command's. Writes a checkpoint every <c>checkpointEvery</c> updates and continues from the latest one after an
/// interruption, with the same final policy as an uninterrupted run (on CPU).
/// </summary>
public sealed class TrainActivity(LearningEnvironment environment) : IActivity
{
    private static readonly DpoOptions Defaults = new();

    private static readonly Dictionary<string, PreferenceLossKind> Losses = new(StringComparer.Ordinal)
    {
        ["dpo"] = PreferenceLossKind.Dpo,
        ["ipo"] = PreferenceLossKind.Ipo,
        ["conservative-dpo"] = PreferenceLossKind.ConservativeDpo,
        ["simpo"] = PreferenceLossKind.SimPo,
    };

    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "train",
        "learning",
        "Trains the policy on labelled pairs by preference optimisation against the frozen reference.",
        [
            Input.Artifact("policy", "The policy to train (pi^{i-1}); the output is a trained copy."),
            Input.Artifact("reference", "The frozen reference policy (pi_ref)."),
            Input.Artifact("pairs", "Labelled pairs (a 'labelled-pairs' dataset from an 'oracle' node)."),
            Input.Choice("loss", "dpo", [.. Losses.Keys],
                "The objective: dpo, ipo, conservative-dpo (label-smoothed), or simpo (reference-free: -log sigmoid(beta * " +
                "(log pi(y_w)/|y_w| - log pi(y_l)/|y_l|) - gamma); its authors use beta 2 to 10, not DPO's 0.1)."),
            Input.Number("beta", Defaults.Beta, "Strength of the regularisation towards the reference.", minimum: 0, maximum: 100, exclusiveMinimum: true),
            Input.Number("gamma", Defaults.Gamma,
                "SimPO's target margin, in [0, 10]; its authors use gamma/beta about 0.5 (e.g. beta 2, gamma 1), which the default keeps at beta 0.1.",
                minimum: 0, maximum: 10),
            Input.Number("labelSmoothing", Defaults.LabelSmoothing, "Assumed label-flip probability of conservative-dpo.", minimum: 0, maximum: 0.5, exclusiveMaximum: true),
            Input.Number("learningRate", Defaults.LearningRate, "Peak learning rate (linear warm-up over the first tenth).", minimum: 0, maximum: 1, exclusiveMinimum: true),
            Input.Integer("epochs", Defaults.Epochs, "Passes over the pairs.", minimum: 1, maximum: 1000),
            Input.Integer("batchSize", Defaults.BatchSize, "Pairs per update.", minimum: 1, maximum: 65_536),
            Input.Integer("microBatchSize", Defaults.MicroBatchSize, "Pairs per forward pass (capped at batchSize); bounds memory.", minimum: 1, maximum: 65_536),
            Input.Number("nllWeight", Defaults.NllWeight, "Weight of the per-token NLL term on chosen responses (RPO); 0 is plain preference optimisation.", minimum: 0, maximum: 100),
            Input.Integer("checkpointEvery", 50, "Write a resumable checkpoint every this many updates; 0 never.", minimum: 0),
        ],
        [
            Output.Artifact("policy", "The trained policy, pi^i (safetensors)."),
            Output.Metric("loss", "Mean preference loss over the last epoch (without the NLL term)."),
            Output.Metric("rewardAccuracy", "Share of last-epoch pairs whose implicit chosen reward beat the rejected one."),
            Output.Integer("steps", "Optimiser updates taken."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = ReadOptions(context.Inputs);
        var labelled = await ArtifactIO.ReadDatasetAsync(context, "pairs", "a labelled pairs dataset", LabelledPairsDataset.ReadAsync, cancellationToken).ConfigureAwait(false);
        if (labelled.Pairs.Count == 0) throw new ActivityException("input 'pairs' holds no labelled pairs: there is nothing to train on.");
        var pairs = labelled.Pairs.Select(p => new PreferencePair(p.Prompt.Tokens(), p.Chosen, p.Rejected)).ToList();

        using var scratch = new ScratchFolder();
        var device = environment.TorchDevice;
        using var reference = await PolicyArtifact.LoadAsync(context, "reference", device, scratch, cancellationToken).ConfigureAwait(false);
        var policy = await PolicyArtifact.LoadAsync(context, "policy", device, scratch, cancellationToken).ConfigureAwait(false);
        try
        {
            var slot = new CheckpointSlot(context, scratch.File("dpo.state"), "dpo");
            bool restored = await slot.RestoreAsync(cancellationToken).ConfigureAwait(false);
            var progress = Execution.Training(context);
            ulong seed = Seeds.Derive(context.Seed, "train");
            DpoReport Train(TransformerPolicy model) =>
                new DpoTrainer(model, reference, options).Train(pairs, seed, slot.Path, progress, cancellationToken, slot.Saved);
            DpoReport report;
            try
            {
                report = await Execution.ComputeAsync(() => Train(policy), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (restored && e is CheckpointException or InvalidOperationException)
            {
                slot.Discard(e);
                policy.Dispose();
                policy = await PolicyArtifact.LoadAsync(context, "policy", device, scratch, cancellationToken).ConfigureAwait(false);
                report = await Execution.ComputeAsync(() => Train(policy), cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e) when (e.ParamName == "pairs")
            {
                throw new ActivityException($"input 'pairs' does not fit the policy: {e.Message}", e);
            }
            return new Dictionary<string, JsonNode?>
            {
                ["policy"] = await PolicyArtifact.SaveAsync(context, policy, scratch, cancellationToken).ConfigureAwait(false),
                ["loss"] = Execution.Number(report.PreferenceLoss),
                ["rewardAccuracy"] = Execution.Number(report.RewardAccuracy),
                ["steps"] = Execution.Integer(report.Steps),
            };
        }
        finally
        {
            policy.Dispose();
        }
    }

    private static DpoOptions ReadOptions(PrefFlow.Workflows.Activities.ActivityInputs inputs)
    {
        string loss = inputs.GetString("loss");
        if (!Losses.TryGetValue(loss, out PreferenceLossKind kind))
        {
            throw new ActivityException($"input 'loss' is '{loss}': expected one of {string.Join(", ", Losses.Keys)}.");
        }
        int batchSize = inputs.GetInt32("batchSize");
        var options = Defaults with
        {
            Loss = kind,
            Beta = inputs.GetDouble("beta"),
            Gamma = inputs.GetDouble("gamma"),
            LabelSmoothing = inputs.GetDouble("labelSmoothing"),
            LearningRate = inputs.GetDouble("learningRate"),
            Epochs = inputs.GetInt32("epochs"),
            BatchSize = batchSize,
            MicroBatchSize = Math.Min(inputs.GetInt32("microBatchSize"), batchSize),
            NllWeight = inputs.GetDouble("nllWeight"),
            CheckpointEvery = inputs.GetInt32("checkpointEvery"),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ActivityException($"the training inputs are not valid: {e.Message}", e);
        }
        return options;
    }
}
