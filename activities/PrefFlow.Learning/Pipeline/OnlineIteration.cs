using PrefFlow.Learning.Evaluation;
using PrefFlow.Learning.Model;
using PrefFlow.Learning.Oracle;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Scoring;
using PrefFlow.Learning.Selection;
using PrefFlow.Learning.Tasks;
using PrefFlow.Learning.Training;

namespace PrefFlow.Learning.Pipeline;

/// <summary>
/// One online iteration of the paper, end to end on the built-in backend: sample N responses per
/// prompt from pi^{i-1}, score implicit rewards against pi_ref, select one pair per prompt and a
/// budget of pairs over the corpus by margin, label them with the gold RM, and train pi^{i-1} into pi^i.
/// The engine runs these steps as separate activities; this class runs them in one process, for
/// tests, benchmarks and quick experiments.
/// </summary>
public sealed class OnlineIteration
{
    private readonly IterationOptions _options;
    private readonly PreferenceOracle _oracle;

    /// <summary>An iteration with the given settings and gold reward model.</summary>
    public OnlineIteration(IterationOptions options, GoldRewardModel gold)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gold);
        options.Sampling.Validate();
        options.Training.Validate();
        _options = options;
        _oracle = new PreferenceOracle(gold, options.Ties);
    }

    /// <summary>Trains <paramref name="policy"/> (pi^{i-1}, updated in place into pi^i) against <paramref name="reference"/>.</summary>
    public IterationResult Run(TransformerPolicy policy, TransformerPolicy reference, IReadOnlyList<Prompt> prompts, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("there are no prompts for this iteration", nameof(prompts));
        int n = _options.Sampling.ResponsesPerPrompt;
        if (n < 2) throw new ArgumentException($"ResponsesPerPrompt is {n}: at least 2 responses per prompt are needed to form a pair", nameof(prompts));

        var promptTokens = prompts.Select(p => p.Tokens()).ToList();
        var responses = new Sampler(policy).Sample(promptTokens, _options.Sampling, Seeds.Derive(seed, "sample"));
        var rewards = ImplicitRewards(policy, reference, promptTokens, responses);
        var ids = ResponseIds(responses);

        var instance = InstanceSelector.Select(rewards, ids, n, _options.InstanceOrder);
        if (instance.Pairs.Length == 0)
        {
            throw new InvalidOperationException($"none of the {prompts.Count} prompts got two distinct responses, so there is no pair to select");
        }
        // The budget is a share of the prompts (M_i), as in the paper; when fewer prompts have a pair
        // of distinct responses, every pair is kept and the shortfall is reported.
        int budget = _options.Budget.Resolve(prompts.Count);
        var margins = instance.GetMargins();
        var kept = CorpusSelector.Select(margins, SelectionBudget.Count(Math.Min(budget, margins.Length)), _options.CorpusOrder, Seeds.Derive(seed, "corpus-select"));

        var pairs = new List<PreferencePair>(kept.Length);
        var implicitMargins = new List<double>();
        var firstChosen = new List<bool>();
        var goldMargins = new List<double>();
        int ties = 0, coinFlips = 0;
        foreach (int k in kept)
        {
            var pair = instance.Pairs[k];
            var first = responses[pair.Prompt][pair.First].Tokens;
            var second = responses[pair.Prompt][pair.Second].Tokens;
            var label = _oracle.Label(prompts[pair.Prompt], first, second, Seeds.Derive(Seeds.Derive(seed, "oracle"), pair.Prompt));
            if (label is not PreferenceLabel l) { ties++; continue; }
            if (l.Tie) { ties++; coinFlips++; }
            pairs.Add(l.FirstChosen ? new PreferencePair(promptTokens[pair.Prompt], first, second) : new PreferencePair(promptTokens[pair.Prompt], second, first));
            implicitMargins.Add(rewards[pair.Prompt * n + pair.First] - rewards[pair.Prompt * n + pair.Second]);
            firstChosen.Add(l.FirstChosen);
            goldMargins.Add(l.GoldMargin);
        }

        using var previous = _options.TrainingReference == TrainingReference.PreviousIteration ? policy.Clone() : null;
        var report = new DpoTrainer(policy, previous ?? reference, _options.Training).Train(pairs, Seeds.Derive(seed, "train"));
        return new IterationResult
        {
            Prompts = prompts.Count,
            PromptsWithoutDistinctPair = instance.PromptsWithoutDistinctPair,
            IdenticalPairsSkipped = instance.IdenticalPairsSkipped,
            Budget = budget,
            PairsSelected = kept.Length,
            Ties = ties,
            TiesDropped = ties - coinFlips,
            Selected = PairStatistics.Compute([.. implicitMargins], [.. firstChosen], [.. goldMargins]),
            Training = report,
        };
    }

    private double[] ImplicitRewards(TransformerPolicy policy, TransformerPolicy reference, List<int[]> prompts, SampledResponse[][] responses)
    {
        var items = new List<ScoredSequence>();
        var lengths = new List<int>();
        for (int p = 0; p < prompts.Count; p++)
        {
            foreach (var response in responses[p])
            {
                items.Add(new ScoredSequence(prompts[p], response.Tokens));
                lengths.Add(response.Tokens.Length);
            }
        }
        // Both models are scored the same teacher-forced way (not reusing the sampler's incremental
        // log-probs), so a policy identical to its reference gets rewards of exactly zero.
        double[] policyLogProbs = new SequenceScorer(policy).LogProbs(items);
        double[] referenceLogProbs = new SequenceScorer(reference).LogProbs(items);
        return ImplicitReward.Compute(policyLogProbs, referenceLogProbs, [.. lengths], _options.LengthNormalised);
    }

    /// <summary>Per response, the index of the first identical response of the same prompt.</summary>
    private static int[] ResponseIds(SampledResponse[][] responses)
    {
        int n = responses[0].Length;
        var ids = new int[responses.Length * n];
        for (int p = 0; p < responses.Length; p++)
        for (int j = 0; j < n; j++)
        {
            int id = j;
            for (int k = 0; k < j; k++)
            {
                if (responses[p][k].Tokens.AsSpan().SequenceEqual(responses[p][j].Tokens)) { id = k; break; }
            }
            ids[p * n + j] = id;
        }
        return ids;
    }
}
