using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Selection;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Selection;

/// <summary>
/// <c>corpus-select</c>: keeps a budget of the candidate pairs, those with the smallest or largest margins, a
/// random sample, or a weighted sample without replacement (Efraimidis-Spirakis keys u^(1/w), w = p(1 - p),
/// p = sigmoid(uncertaintyBeta * margin), each pair's u drawn from (node seed, prompt)), which favours small margins. The budget counts pairs and is meant as a share of the prompts (M_i), as in the paper: when
/// fewer prompts than that had two distinct responses, every candidate is kept and the shortfall is reported, as
/// the experiment command does. A budget above the number of prompts can never be met and is refused.
/// </summary>
public sealed class CorpusSelectActivity : IActivity
{
    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "corpus-select",
        "selection",
        "Keeps a budget of pairs over the whole corpus by margin: the annotation budget of one iteration.",
        [
            Input.Artifact("candidates", "Candidate pairs from an 'instance-select' node."),
            Input.Choice("strategy", "smallest", Strategies.CorpusNames, "Which margins to keep: smallest, largest, a random sample, or a weighted sample favouring small margins."),
            Input.RequiredInteger("budget", "Pairs to keep (at most the number of prompts the candidates came from).", minimum: 1),
            Input.Number("uncertaintyBeta", 0.1, Strategies.UncertaintyBetaDescription, minimum: 0, maximum: 100),
        ],
        [
            Output.Artifact("pairs", "The kept pairs (a 'pairs' dataset), in prompt order."),
            Output.Metric("kept", "Pairs kept: the budget, or every candidate when fewer prompts had a pair.", DataType.Integer),
            Output.Integer("shortfall", "Budget minus pairs kept: 0 unless too few prompts had two distinct responses."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var strategy = Strategies.Read(context, "strategy", Strategies.CorpusNames);
        int budget = context.Inputs.GetInt32("budget");
        if (budget < 1) throw new ActivityException($"input 'budget' is {budget}; it must be at least 1 pair.");
        var candidates = await ArtifactIO.ReadDatasetAsync(context, "candidates", "a pairs dataset", PairsDataset.ReadAsync, cancellationToken).ConfigureAwait(false);
        if (budget > candidates.Prompts)
        {
            throw new ActivityException($"input 'budget' is {budget} pairs, more than the {candidates.Prompts} prompts the candidates came from (at most one pair per prompt).");
        }
        if (candidates.Pairs.Count == 0)
        {
            throw new ActivityException($"input 'candidates' holds no pairs: none of its {candidates.Prompts} prompts had two distinct responses.");
        }
        int keep = Math.Min(budget, candidates.Pairs.Count);
        if (keep < budget)
        {
            context.Log($"only {candidates.Pairs.Count} of {candidates.Prompts} prompts had a pair: keeping all of them, {budget - keep} short of the budget of {budget}");
        }
        double[] margins = [.. candidates.Pairs.Select(p => p.Margin)];
        ulong seed = Seeds.Derive(context.Seed, "corpus-select");
        int[] kept = strategy == Strategy.Weighted
            ? WeightedCorpusSelector.Select(margins, [.. candidates.Pairs.Select(p => p.PromptIndex)], keep, context.Inputs.GetDouble("uncertaintyBeta"), seed)
            : CorpusSelector.Select(margins, SelectionBudget.Count(keep), Strategies.Order(strategy), seed);
        byte[] bytes = await new PairsDataset([.. kept.Select(i => candidates.Pairs[i])], candidates.Prompts, candidates.Scored).WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["pairs"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
            ["kept"] = Execution.Integer(kept.Length),
            ["shortfall"] = Execution.Integer(budget - kept.Length),
        };
    }
}
