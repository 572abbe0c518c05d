using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Selection;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Selection;

/// <summary>
/// <c>instance-select</c>: picks one pair of distinct responses per prompt by the margin |r(a) - r(b)|:
/// smallest, largest, random (the paper's baseline: the first two distinct responses), or weighted (drawn with
/// probability proportional to p(1 - p), p = sigmoid(uncertaintyBeta * margin), from (node seed, prompt)); or, as
/// common iterative-DPO pipelines do, best-worst: the gold reward model of input <c>task</c> scores all N responses
/// and the best is paired with the worst, at N gold calls per prompt instead of the oracle's 2. Identical responses
/// never form a pair; prompts without a pair (all responses identical, or for best-worst all gold rewards tied) are
/// counted, not paired. With strategy random or best-worst the input may be a responses dataset instead of scores:
/// the margins are not needed, and are written as 0.
/// </summary>
public sealed class InstanceSelectActivity : IActivity
{
    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "instance-select",
        "selection",
        "Chooses one pair of distinct responses per prompt by implicit-reward margin, or the best and worst by gold reward.",
        [
            Input.Artifact("scores", "Scored responses (a 'scores' dataset); with strategy random or best-worst, a 'responses' dataset also works."),
            Input.Choice("strategy", "smallest", Strategies.InstanceNames,
                "Which pair: smallest or largest margin, random (the first two distinct responses), best-worst (best and worst " +
                "by gold reward; needs input task), or weighted (sampled, favouring small margins)."),
            Input.Number("uncertaintyBeta", 0.1, Strategies.UncertaintyBetaDescription, minimum: 0, maximum: 100),
            Input.OptionalArtifact("task", "The task definition, whose gold reward model scores every response; required by strategy best-worst only."),
        ],
        [
            Output.Artifact("candidates", "One pair per prompt, with rewards and margin (a 'pairs' dataset)."),
            Output.Integer("count", "Pairs chosen: one per prompt that has a pair (the others are skippedPrompts)."),
            Output.Metric("skippedPrompts", "Prompts without a pair: no two distinct responses (best-worst: no two different gold rewards).", DataType.Integer),
            Output.Metric("goldCalls", "Responses scored by the gold reward model: N per prompt for best-worst, 0 otherwise.", DataType.Integer),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var strategy = Strategies.Read(context, "strategy", Strategies.InstanceNames);
        bool needsRewards = strategy is not (Strategy.Random or Strategy.BestWorst);
        var table = await ArtifactIO.ReadDatasetAsync(context, "scores", "a scores dataset", ParquetTable.ReadAnyAsync, cancellationToken).ConfigureAwait(false);
        ResponsesDataset responses;
        double[] rewards;
        bool scored;
        try
        {
            if (table.Dataset == ResponsesDataset.Kind && !needsRewards)
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
                    throw new InvalidDataException("it is a 'responses' dataset, which has no rewards: score it first, or choose strategy random or best-worst");
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

        int[] ids = ResponseIds(responses);
        var result = strategy switch
        {
            Strategy.BestWorst => BestWorstSelector.Select(await GoldRewardsAsync(context, responses, cancellationToken).ConfigureAwait(false), ids, n),
            Strategy.Weighted => WeightedInstanceSelector.Select(rewards, ids, n, context.Inputs.GetDouble("uncertaintyBeta"), Seeds.Derive(context.Seed, "instance-select")),
            _ => InstanceSelector.Select(rewards, ids, n, Strategies.Order(strategy)),
        };
        var pairs = result.Pairs.Select(pair => new PairsDataset.Pair(
            pair.Prompt, responses.Prompts[pair.Prompt], pair.First, pair.Second,
            responses.Responses[pair.Prompt][pair.First], responses.Responses[pair.Prompt][pair.Second],
            rewards[pair.Prompt * n + pair.First], rewards[pair.Prompt * n + pair.Second])).ToList();
        if (result.PromptsWithoutDistinctPair > 0)
        {
            string reason = strategy == Strategy.BestWorst ? "no two different gold rewards" : "no two distinct responses";
            context.Log($"{result.PromptsWithoutDistinctPair} of {responses.Prompts.Count} prompts had {reason}; {result.IdenticalPairsSkipped} identical pairs were skipped");
        }
        byte[] bytes = await new PairsDataset(pairs, responses.Prompts.Count, scored).WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["candidates"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
            ["count"] = Execution.Integer(pairs.Count),
            ["skippedPrompts"] = Execution.Integer(result.PromptsWithoutDistinctPair),
            ["goldCalls"] = Execution.Integer(strategy == Strategy.BestWorst ? (long)responses.Prompts.Count * n : 0),
        };
    }

    /// <summary>The gold reward of every response, row-major M x N, by the gold reward model of input <c>task</c>.</summary>
    private static async Task<double[]> GoldRewardsAsync(IActivityContext context, ResponsesDataset responses, CancellationToken cancellationToken)
    {
        if (!context.Inputs.Has("task"))
        {
            throw new ActivityException("input 'task' is required by strategy best-worst: give the task definition whose gold reward model scores every response.");
        }
        var gold = (await TaskArtifact.ReadAsync(context, "task", cancellationToken).ConfigureAwait(false)).CreateGoldRewardModel();
        int n = responses.ResponsesPerPrompt;
        var rewards = new double[responses.Prompts.Count * n];
        for (int p = 0; p < responses.Prompts.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int j = 0; j < n; j++) rewards[p * n + j] = gold.Score(responses.Prompts[p], responses.Responses[p][j]);
        }
        return rewards;
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
