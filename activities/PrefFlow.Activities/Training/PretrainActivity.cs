using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Checkpoints;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Training;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Training;

/// <summary>
/// <c>pretrain</c>: supervised fine-tuning of a fresh policy on the task's noisy demonstrations, giving pi_ref.
/// Writes a checkpoint every <c>checkpointEvery</c> updates and continues from the latest one after an
/// interruption, with the same final policy as an uninterrupted run (on CPU).
/// </summary>
public sealed class PretrainActivity(LearningEnvironment environment) : IActivity
{
    private static readonly SftOptions Defaults = new();

    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "pretrain",
        "learning",
        "Trains pi_ref from scratch by supervised fine-tuning on the task's imperfect demonstrations.",
        [
            Input.Artifact("task", "The task definition written by a 'task' node."),
            Input.Choice("preset", "tiny", PolicyPresets.Names, "Model size: tiny runs on a laptop CPU; the larger ones want a GPU."),
            Input.Integer("steps", Defaults.Steps, "Optimiser updates.", minimum: 1, maximum: 10_000_000),
            Input.Number("learningRate", Defaults.LearningRate, "Peak learning rate (linear warm-up, then linear decay).", minimum: 0, maximum: 1, exclusiveMinimum: true),
            Input.Integer("batchSize", Defaults.BatchSize, "Demonstrations per update (processed 128 at a time).", minimum: 1, maximum: 65_536),
            Input.Integer("checkpointEvery", 100, "Write a resumable checkpoint every this many updates; 0 never.", minimum: 0),
        ],
        [
            Output.Artifact("policy", "The trained policy, pi_ref (safetensors)."),
            Output.Metric("loss", "Mean per-token loss over the last tenth of the updates."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = await TaskArtifact.ReadAsync(context, "task", cancellationToken).ConfigureAwait(false);
        string preset = context.Inputs.GetString("preset");
        if (!PolicyPresets.Names.Contains(preset, StringComparer.Ordinal))
        {
            throw new ActivityException($"input 'preset' is '{preset}': expected one of {string.Join(", ", PolicyPresets.Names)}.");
        }
        int batchSize = context.Inputs.GetInt32("batchSize");
        var options = Defaults with
        {
            Steps = context.Inputs.GetInt32("steps"),
            LearningRate = context.Inputs.GetDouble("learningRate"),
            BatchSize = batchSize,
            MicroBatchSize = Math.Min(Defaults.MicroBatchSize, batchSize),
            CheckpointEvery = context.Inputs.GetInt32("checkpointEvery"),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ActivityException($"the training inputs are not valid: {e.Message}", e);
        }

        using var scratch = new ScratchFolder();
        var slot = new CheckpointSlot(context, scratch.File("sft.state"), "sft");
        bool restored = await slot.RestoreAsync(cancellationToken).ConfigureAwait(false);
        var task = definition.CreateTask();
        var config = PolicyPresets.Get(preset, task.Options);
        var progress = Execution.Training(context);
        var device = environment.TorchDevice;
        ulong initSeed = Seeds.Derive(context.Seed, "init"), trainSeed = Seeds.Derive(context.Seed, "sft");
        var (policy, loss) = await Execution.ComputeAsync(() =>
        {
            TransformerPolicy Fresh() => new(config, initSeed, device);
            double Train(TransformerPolicy model) => new SftTrainer(model, options).Train(task, trainSeed, slot.Path, progress, cancellationToken, slot.Saved);
            var model = Fresh();
            try
            {
                try
                {
                    return (model, Train(model));
                }
                catch (Exception e) when (restored && e is CheckpointException or InvalidOperationException)
                {
                    slot.Discard(e);
                    model.Dispose();
                    model = Fresh();
                    return (model, Train(model));
                }
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
        using (policy)
        {
            return new Dictionary<string, JsonNode?>
            {
                ["policy"] = await PolicyArtifact.SaveAsync(context, policy, scratch, cancellationToken).ConfigureAwait(false),
                ["loss"] = Execution.Number(loss),
            };
        }
    }
}
