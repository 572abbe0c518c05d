using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Tasks;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Setup;

/// <summary>
/// <c>prompts</c>: draws prompts from one split of the task. Prompts depend only on the task, the split, the
/// stream and their number, not on the node's seed, so branches that compare strategies see the same prompts.
/// Stream s holds prompts s * 2^20 .. s * 2^20 + count - 1 of the split: streams never overlap, and stream 0 is
/// what the experiment command draws.
/// </summary>
public sealed class PromptsActivity : IActivity
{
    /// <summary>Prompts a stream can hold; streams start this far apart in their split.</summary>
    public const int StreamLength = 1 << 20;

    private static readonly Dictionary<string, TaskSplit> Splits = new(StringComparer.Ordinal)
    {
        ["train"] = TaskSplit.Iteration,
        ["eval"] = TaskSplit.Evaluation,
        ["offline"] = TaskSplit.Offline,
        ["sft"] = TaskSplit.Sft,
    };

    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "prompts",
        "utility",
        "Draws prompts from one split of the task: train (online iterations), eval (held out), offline (the labelled set behind pi^0) or sft.",
        [
            Input.Artifact("task", "The task definition written by a 'task' node."),
            Input.Choice("split", "train", [.. Splits.Keys], "The disjoint prompt pool to draw from."),
            Input.RequiredInteger("count", "How many prompts to draw.", minimum: 1, maximum: StreamLength),
            Input.Integer("stream", 0, "Which draw of the split: different streams give different prompts (e.g. one per iteration).", minimum: 0, maximum: 1000),
        ],
        [
            Output.Artifact("prompts", "The prompts (Parquet: prompt, kind, digits, text)."),
            Output.Integer("count", "How many prompts were drawn."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var definition = await TaskArtifact.ReadAsync(context, "task", cancellationToken).ConfigureAwait(false);
        string split = context.Inputs.GetString("split");
        if (!Splits.TryGetValue(split, out TaskSplit taskSplit))
        {
            throw new ActivityException($"input 'split' is '{split}': expected one of {string.Join(", ", Splits.Keys)}.");
        }
        int count = context.Inputs.GetInt32("count");
        if (count is < 1 or > StreamLength) throw new ActivityException($"input 'count' is {count}; it must be from 1 to {StreamLength}.");
        int stream = context.Inputs.GetInt32("stream");
        if (stream is < 0 or > 1000) throw new ActivityException($"input 'stream' is {stream}; it must be from 0 to 1000.");

        var prompts = definition.CreateTask().Prompts(taskSplit, count, offset: stream * StreamLength);
        byte[] bytes = await new PromptsDataset(prompts, split, definition.Task.MaxResponseTokens).WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["prompts"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
            ["count"] = Execution.Integer(count),
        };
    }
}
