using System.Diagnostics;
using System.Globalization;
using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Selection;

namespace PrefFlow.Benchmarks;

/// <summary>
/// Times instance-level (smallest margin per prompt) plus corpus-level (smallest 50%) selection on
/// 1,000,000 prompts x 8 responses, against a naive LINQ baseline run on the same data.
/// </summary>
internal static class SelectionBenchmark
{
    private const int Prompts = 1_000_000;
    private const int ResponsesPerPrompt = 8;
    private const ulong Seed = 20240601;
    private const int FastRepetitions = 5;
    private const int BaselineRepetitions = 3;
    private const double TargetMilliseconds = 1000;

    public static void Run(TextWriter output)
    {
        var (rewards, ids) = BuildData();
        var budget = SelectionBudget.Fraction(0.5);

        int[] fastKept = [];
        InstanceSelectionResult fastPairs = RunFast(rewards, ids, budget, out fastKept, out _, out _);
        var instanceTimes = new List<double>();
        var corpusTimes = new List<double>();
        var fastTimes = new List<double>();
        for (int rep = 0; rep < FastRepetitions; rep++)
        {
            var clock = Stopwatch.StartNew();
            fastPairs = RunFast(rewards, ids, budget, out fastKept, out double instanceMs, out double corpusMs);
            fastTimes.Add(clock.Elapsed.TotalMilliseconds);
            instanceTimes.Add(instanceMs);
            corpusTimes.Add(corpusMs);
        }

        var baselineTimes = new List<double>();
        (int Prompt, int First, int Second)[] baselineKept = [];
        for (int rep = 0; rep < BaselineRepetitions; rep++)
        {
            var clock = Stopwatch.StartNew();
            baselineKept = RunBaseline(rewards, ids, budget);
            baselineTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        bool agree = baselineKept.SequenceEqual(fastKept.Select(i => (fastPairs.Pairs[i].Prompt, fastPairs.Pairs[i].First, fastPairs.Pairs[i].Second)));
        double fast = Median(fastTimes);
        double baseline = Median(baselineTimes);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Selection: {Prompts:N0} prompts x {ResponsesPerPrompt} responses, smallest margin per prompt, then the smallest 50% of the corpus"));
        output.WriteLine(string.Create(c, $"  data: {fastPairs.Pairs.Length:N0} pairs, {fastPairs.PromptsWithoutDistinctPair:N0} prompts without a distinct pair, {fastPairs.IdenticalPairsSkipped:N0} identical pairs skipped, {fastKept.Length:N0} pairs kept"));
        output.WriteLine(string.Create(c, $"  fast:     {fast,8:F1} ms  (instance with margins {Median(instanceTimes):F1} ms + corpus {Median(corpusTimes):F1} ms; median of {FastRepetitions} after 1 warm-up)"));
        output.WriteLine(string.Create(c, $"  baseline: {baseline,8:F1} ms  (LINQ OrderBy per prompt and over the corpus; median of {BaselineRepetitions})"));
        output.WriteLine(string.Create(c, $"  ratio baseline/fast: {baseline / fast:F1}x"));
        output.WriteLine(string.Create(c, $"  target under {TargetMilliseconds:F0} ms: {(fast < TargetMilliseconds ? "met" : "NOT met")}"));
        output.WriteLine($"  results agree with the baseline: {(agree ? "yes" : "NO")}");
    }

    private static InstanceSelectionResult RunFast(
        double[] rewards, int[] ids, SelectionBudget budget, out int[] kept, out double instanceMs, out double corpusMs)
    {
        var clock = Stopwatch.StartNew();
        var pairs = InstanceSelector.Select(rewards, ids, ResponsesPerPrompt, MarginOrder.Smallest);
        double[] margins = pairs.GetMargins();
        instanceMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        kept = CorpusSelector.Select(margins, budget, MarginOrder.Smallest, Seed);
        corpusMs = clock.Elapsed.TotalMilliseconds;
        return pairs;
    }

    /// <summary>The obvious implementation: enumerate every pair, sort, take the first; then sort the corpus.</summary>
    private static (int Prompt, int First, int Second)[] RunBaseline(double[] rewards, int[] ids, SelectionBudget budget)
    {
        const int n = ResponsesPerPrompt;
        var pairs = Enumerable.Range(0, Prompts)
            .Select(p => (
                from a in Enumerable.Range(0, n)
                from b in Enumerable.Range(a + 1, n - a - 1)
                where ids[p * n + a] != ids[p * n + b]
                select (Prompt: p, First: a, Second: b, Margin: Math.Abs(rewards[p * n + a] - rewards[p * n + b])))
                .OrderBy(t => t.Margin).ThenBy(t => t.First).ThenBy(t => t.Second)
                .Take(1))
            .SelectMany(best => best)
            .ToArray();
        int count = budget.Resolve(pairs.Length);
        return Enumerable.Range(0, pairs.Length)
            .OrderBy(i => pairs[i].Margin).ThenBy(i => i)
            .Take(count)
            .Order()
            .Select(i => (pairs[i].Prompt, pairs[i].First, pairs[i].Second))
            .ToArray();
    }

    /// <summary>Seeded rewards where about one response in eight repeats an earlier one (same id, same reward).</summary>
    private static (double[] Rewards, int[] Ids) BuildData()
    {
        var random = Seeds.Random(Seed, "selection-benchmark");
        var rewards = new double[Prompts * ResponsesPerPrompt];
        var ids = new int[rewards.Length];
        for (int p = 0; p < Prompts; p++)
        {
            int row = p * ResponsesPerPrompt;
            // One prompt in a hundred collapsed to a single answer, as a converged policy does.
            bool collapsed = random.NextInt(100) == 0;
            for (int j = 0; j < ResponsesPerPrompt; j++)
            {
                if (j > 0 && (collapsed || random.NextInt(8) == 0))
                {
                    int copy = collapsed ? 0 : random.NextInt(j);
                    rewards[row + j] = rewards[row + copy];
                    ids[row + j] = ids[row + copy];
                }
                else
                {
                    rewards[row + j] = random.NextDouble() * 4 - 2;
                    ids[row + j] = j;
                }
            }
        }
        return (rewards, ids);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
