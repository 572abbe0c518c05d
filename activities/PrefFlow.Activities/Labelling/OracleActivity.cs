using System.Text.Json.Nodes;
using PrefFlow.Activities.Artifacts;
using PrefFlow.Activities.Datasets;
using PrefFlow.Activities.Descriptors;
using PrefFlow.Learning.Evaluation;
using PrefFlow.Learning.Oracle;
using PrefFlow.Learning.Randomness;
using PrefFlow.Workflows.Activities;

namespace PrefFlow.Activities.Labelling;

/// <summary>
/// <c>oracle</c>: labels each pair chosen/rejected with the task's gold reward model (the annotators). Ties are
/// dropped or decided by a coin; each pair's coin and label noise come from (node seed, prompt), so a label never
/// depends on which other pairs were kept. Also reports the ranking accuracy: the share of labelled pairs whose
/// implicit margin has the sign of the gold label (a zero margin counts one half), and the mean implicit reward
/// log pi(y)/pi_ref(y) of the labelled responses: an estimate of KL(pi || pi_ref) on the selected subset (the
/// paper's Figure 4c), per token when the scores were length-normalised.
/// </summary>
public sealed class OracleActivity : IActivity
{
    /// <summary>The activity's descriptor.</summary>
    public static ActivityDescriptor Definition { get; } = new(
        "oracle",
        "annotation",
        "Labels pairs chosen/rejected with the gold reward model.",
        [
            Input.Artifact("pairs", "The pairs to label (a 'pairs' dataset, e.g. from 'corpus-select')."),
            Input.Artifact("task", "The task definition, whose gold reward model labels."),
            Input.Choice("tiePolicy", "drop", ["drop", "coin-flip"], "What to do when both responses get the same gold reward."),
        ],
        [
            Output.Artifact("labelled", "The labelled pairs (Parquet: prompt, chosen, rejected, gold rewards and margin, implicit margin, tie)."),
            Output.Integer("count", "Labelled pairs (ties dropped under the drop policy)."),
            Output.Metric("ties", "Pairs whose responses got the same gold reward.", DataType.Integer),
            Output.Metric("rankingAccuracy", "Share of labelled pairs whose implicit margin agrees with the gold label; null when the pairs were not scored."),
            Output.Metric("meanMargin", "Mean |implicit margin| of the labelled pairs; null when the pairs were not scored."),
            Output.Metric("meanLogRatio", "Mean implicit reward log pi(y)/pi_ref(y) over both responses of the labelled pairs: the KL of the selected subset; null when the pairs were not scored."),
        ]);

    /// <inheritdoc/>
    public ActivityDescriptor Descriptor => Definition;

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> ExecuteAsync(IActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string policyName = context.Inputs.GetString("tiePolicy");
        var ties = policyName switch
        {
            "drop" => TiePolicy.Drop,
            "coin-flip" => TiePolicy.CoinFlip,
            _ => throw new ActivityException($"input 'tiePolicy' is '{policyName}': expected drop or coin-flip."),
        };
        var pairs = await ArtifactIO.ReadDatasetAsync(context, "pairs", "a pairs dataset", PairsDataset.ReadAsync, cancellationToken).ConfigureAwait(false);
        var definition = await TaskArtifact.ReadAsync(context, "task", cancellationToken).ConfigureAwait(false);
        var oracle = new PreferenceOracle(definition.CreateGoldRewardModel(), ties);
        ulong seed = Seeds.Derive(context.Seed, "oracle");

        var labelled = new List<LabelledPairsDataset.Pair>(pairs.Pairs.Count);
        var implicitMargins = new List<double>();
        var firstChosen = new List<bool>();
        var goldMargins = new List<double>();
        double logRatioSum = 0;
        int tieCount = 0;
        foreach (var pair in pairs.Pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var label = oracle.Label(pair.Prompt, pair.FirstTokens, pair.SecondTokens, Seeds.Derive(seed, pair.PromptIndex));
            if (label is not PreferenceLabel l)
            {
                tieCount++;
                continue;
            }
            if (l.Tie) tieCount++;
            double margin = pair.FirstReward - pair.SecondReward;
            labelled.Add(l.FirstChosen
                ? new LabelledPairsDataset.Pair(pair.PromptIndex, pair.Prompt, pair.FirstTokens, pair.SecondTokens, l.FirstReward, l.SecondReward, margin, l.Tie)
                : new LabelledPairsDataset.Pair(pair.PromptIndex, pair.Prompt, pair.SecondTokens, pair.FirstTokens, l.SecondReward, l.FirstReward, -margin, l.Tie));
            logRatioSum += pair.FirstReward + pair.SecondReward;
            implicitMargins.Add(margin);
            firstChosen.Add(l.FirstChosen);
            goldMargins.Add(l.GoldMargin);
        }
        var statistics = PairStatistics.Compute([.. implicitMargins], [.. firstChosen], [.. goldMargins]);

        byte[] bytes = await new LabelledPairsDataset(labelled, pairs.Scored).WriteAsync(cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, JsonNode?>
        {
            ["labelled"] = await ArtifactIO.WriteAsync(context, bytes, MediaTypes.Parquet, cancellationToken).ConfigureAwait(false),
            ["count"] = Execution.Integer(labelled.Count),
            ["ties"] = Execution.Integer(tieCount),
            ["rankingAccuracy"] = pairs.Scored ? Execution.Number(statistics.RankingAccuracy) : null,
            ["meanMargin"] = pairs.Scored ? Execution.Number(statistics.MeanAbsoluteMargin) : null,
            ["meanLogRatio"] = pairs.Scored ? Execution.Number(logRatioSum / (2.0 * labelled.Count)) : null,
        };
    }
}
