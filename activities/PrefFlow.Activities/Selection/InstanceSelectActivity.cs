using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Selection;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Selection;

/// <summary>
/// <c>instance-select</c>: picks one pair of distinct responses per prompt by the margin |r(a) - r(b)|:
/// smallest, largest, or random (the paper's baseline: the first two distinct responses). Identical responses
/// never form a pair; prompts whose responses are all identical are counted, not paired. With strategy random
/// the input may be a responses dataset instead of scores: the margins are not needed, and are written as 0.
/// </summary>
public sealed class InstanceSelectActivity : IActivity
{
    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "instance-select",
        "selection",
        "Chooses one pair of distinct responses per prompt by implicit-reward margin.",
        [
            Input.Artifact("scores", "Scored responses (a 'scores' dataset); with strategy random, a 'responses' dataset also works."),
            Input.Choice("strategy", "smallest", Strategies.Names, "Which margin to prefer: smallest, largest, or random (the first two distinct responses)."),
        ],
        [
            Output.Artifact("candidates", "One pair per prompt, with rewards and margin (a 'pairs' dataset)."),
            Output.Integer("count", "Pairs chosen: prompts with at least two distinct responses."),
            Output.Metric("skippedPrompts", "Prompts without two distinct responses, so without a pair.", DataType.Integer),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var order = Strategies.Read(context, "strategy");
        var table = await ArtifactIO.ReadDatasetAsync(context, "scores", "a scores dataset", ParquetTable.ReadAnyAsync, cancellationToken).ConfigureAwait(false);
        ResponsesDataset responses;
        double[] rewards;
        bool scored;
        try
        {
            if (table.Dataset == ResponsesDataset.Kind && order == MarginOrder.Random)
            {
                table.Expect(ResponsesDataset.Kind, ResponsesDataset.Version);
                responses = ResponsesDataset.From(table);
                rewards = new double[responses.Prompts.Count * responses.ResponsesPerPrompt];
                scored = false;
            }
            else
            {
                if (table.Dataset == ResponsesDataset.Kind)
                {
                    throw new InvalidDataException("it is a 'responses' dataset, which has no rewards: score it first, or choose strategy random");
                }
                table.Expect(ScoresDataset.Kind, ScoresDataset.Version);
                var scores = ScoresDataset.From(table);
                (responses, rewards, scored) = (scores.Responses, scores.Rewards, true);
            }
        }
        catch (InvalidDataException e)
        {
            throw new ActivityException($"input 'scores' is not a scores dataset: {e.Message}.", e);
        }
        int n = responses.ResponsesPerPrompt;
        if (n < 2) throw new ActivityException($"input 'scores' has {n} response per prompt; a pair needs at least 2 (sample with responsesPerPrompt >= 2).");

        var result = InstanceSelector.Select(rewards, ResponseIds(responses), n, order);
        var pairs = result.Pairs.Select(pair => new PairsDataset.Pair(
            pair.Prompt, responses.Prompts[pair.Prompt], pair.First, pair.Second,
            responses.Responses[pair.Prompt][pair.First], responses.Responses[pair.Prompt][pair.Second],
            rewards[pair.Prompt * n + pair.First], rewards[pair.Prompt * n + pair.Second])).ToList();
        if (result.PromptsWithoutDistinctPair > 0)
        {
            context.Log($"{result.PromptsWithoutDistinctPair} of {responses.Prompts.Count} prompts had no two distinct responses; {result.IdenticalPairsSkipped} identical pairs were skipped");
        }
        byte[] bytes = await new PairsDataset(pairs, responses.Prompts.Count, scored).WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["candidates"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
            ["count"] = Execution.Integer(pairs.Count),
            ["skippedPrompts"] = Execution.Integer(result.PromptsWithoutDistinctPair),
        };
    }

    /// <summary>Per response, the index of the first identical response of the same prompt.</summary>
    private static int[] ResponseIds(ResponsesDataset responses)
    {
        int n = responses.ResponsesPerPrompt;
        var ids = new int[responses.Prompts.Count * n];
        for (int p = 0; p < responses.Prompts.Count; p++)
        for (int j = 0; j < n; j++)
        {
            int id = j;
            for (int k = 0; k < j; k++)
            {
                if (responses.Responses[p][k].AsSpan().SequenceEqual(responses.Responses[p][j])) { id = k; break; }
            }
            ids[p * n + j] = id;
        }
        return ids;
    }
}
