using PrefFlow.Learning.Model;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Rewards;
using PrefFlow.Learning.Sampling;
using PrefFlow.Learning.Scoring;
using PrefFlow.Learning.Tasks;

namespace PrefFlow.Learning.Evaluation;

/// <summary>
/// Evaluates a policy the way the paper does with AlpacaEval: greedy answers on held-out prompts
/// against a fixed reference system's answers, judged by the gold RM and by an independent judge,
/// plus answer length, exact match and the KL divergence from the reference model.
/// </summary>
public sealed class Evaluator
{
    private const double TieTolerance = 1e-9;
    private readonly GoldRewardModel _gold;
    private readonly SecondJudge _judge;
    private readonly ReferenceSystem _reference;
    private readonly EvaluationOptions _options;

    /// <summary>An evaluator with the given judges and reference system.</summary>
    public Evaluator(GoldRewardModel gold, SecondJudge judge, ReferenceSystem reference, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_gold, _judge, _reference, _options) = (gold, judge, reference, options);
    }

    /// <summary>Evaluates <paramref name="policy"/>; <paramref name="referencePolicy"/> is pi_ref for the KL term.</summary>
    public EvaluationReport Evaluate(TransformerPolicy policy, TransformerPolicy referencePolicy, IReadOnlyList<Prompt> prompts, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(referencePolicy);
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("there are no evaluation prompts", nameof(prompts));

        var greedy = new Sampler(policy).Sample([.. prompts.Select(p => p.Tokens())],
            new SamplingOptions { Greedy = true, MaxNewTokens = _options.MaxNewTokens, BatchSize = _options.BatchSize }, seed);
        double goldWins = 0, judgeWins = 0, gold = 0, judge = 0, exact = 0, length = 0;
        for (int i = 0; i < prompts.Count; i++)
        {
            var prompt = prompts[i];
            int[] answer = greedy[i][0].Tokens;
            int[] reference = _reference.Respond(prompt);
            double goldScore = _gold.Score(prompt, answer);
            double judgeScore = _judge.Score(prompt, answer);
            goldWins += Outcome(goldScore, _gold.Score(prompt, reference));
            judgeWins += Outcome(judgeScore, _judge.Score(prompt, reference));
            gold += goldScore;
            judge += judgeScore;
            exact += answer.AsSpan().SequenceEqual(prompt.TargetTokens()) ? 1 : 0;
            length += ParsedResponse.Parse(answer).Body.Length;
        }
        int n = prompts.Count;
        return new EvaluationReport
        {
            Prompts = n,
            GoldWinRate = goldWins / n,
            JudgeWinRate = judgeWins / n,
            MeanGoldReward = gold / n,
            MeanJudgeScore = judge / n,
            ExactMatch = exact / n,
            MeanLength = length / n,
            KlToReference = EstimateKl(policy, referencePolicy, prompts, Seeds.Derive(seed, "kl")),
        };
    }

    private static double Outcome(double score, double referenceScore) =>
        Math.Abs(score - referenceScore) <= TieTolerance ? 0.5 : score > referenceScore ? 1 : 0;

    private double EstimateKl(TransformerPolicy policy, TransformerPolicy referencePolicy, IReadOnlyList<Prompt> prompts, ulong seed)
    {
        int count = Math.Min(_options.KlPrompts, prompts.Count);
        if (count == 0) return double.NaN;
        // KL(pi || pi_ref) = E_{y~pi}[log pi(y) - log pi_ref(y)]: sample from pi at temperature 1 without top-k.
        var promptTokens = prompts.Take(count).Select(p => p.Tokens()).ToList();
        var samples = new Sampler(policy).Sample(promptTokens,
            new SamplingOptions { ResponsesPerPrompt = _options.KlSamplesPerPrompt, TopK = 0, MaxNewTokens = _options.MaxNewTokens, BatchSize = _options.BatchSize }, seed);
        var items = new List<ScoredSequence>();
        for (int p = 0; p < count; p++)
        {
            foreach (var sample in samples[p]) items.Add(new ScoredSequence(promptTokens[p], sample.Tokens));
        }
        // Both sides scored the same teacher-forced way, so pi == pi_ref gives exactly 0.
        double policyLogProb = new SequenceScorer(policy).LogProbs(items).Sum();
        double referenceLogProb = new SequenceScorer(referencePolicy).LogProbs(items).Sum();
        return (policyLogProb - referenceLogProb) / items.Count;
    }
}
