using PrefFlow.Learning.Randomness;
using PrefFlow.Learning.Selection;

namespace PrefFlow.Learning.Tests.Selection;

/// <summary>Compares the fast selector with a brute force written straight from the definition.</summary>
public class InstanceSelectorPropertyTests
{
    [Theory]
    [InlineData(MarginOrder.Smallest)]
    [InlineData(MarginOrder.Largest)]
    [InlineData(MarginOrder.Random)]
    public void Matches_a_brute_force_reference_on_random_small_cases(MarginOrder order)
    {
        var random = new SeededRandom(Seeds.Derive(2024, order.ToString()));
        int promptsWithoutPair = 0, identicalSkipped = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            int n = random.NextInt(2, 7);
            int prompts = random.NextInt(1, 6);
            // Few distinct values and ids, so ties and identical responses are frequent.
            int valueKinds = random.NextInt(1, 5);
            int idKinds = random.NextInt(1, n + 1);
            var rewards = new double[prompts * n];
            var ids = new int[prompts * n];
            for (int i = 0; i < rewards.Length; i++)
            {
                rewards[i] = random.NextInt(valueKinds) * 0.25 - 0.5;
                ids[i] = random.NextInt(idKinds);
            }
            bool withoutIds = random.NextInt(4) == 0;

            var expected = BruteForce(rewards, withoutIds ? null : ids, n, order);
            var actual = InstanceSelector.Select(rewards, withoutIds ? [] : ids, n, order);

            Assert.Equal(expected.Pairs.ToArray(), actual.Pairs.ToArray());
            Assert.Equal(expected.PromptsWithoutDistinctPair, actual.PromptsWithoutDistinctPair);
            Assert.Equal(expected.IdenticalPairsSkipped, actual.IdenticalPairsSkipped);
            promptsWithoutPair += actual.PromptsWithoutDistinctPair;
            identicalSkipped += (int)actual.IdenticalPairsSkipped;
        }
        // The generator must have exercised the interesting paths, or the comparison proves little.
        Assert.True(promptsWithoutPair > 100, $"only {promptsWithoutPair} prompts without a pair");
        Assert.True(identicalSkipped > 1000, $"only {identicalSkipped} identical pairs");
    }

    [Theory]
    [InlineData(MarginOrder.Smallest)]
    [InlineData(MarginOrder.Largest)]
    [InlineData(MarginOrder.Random)]
    public void A_run_over_many_parallel_blocks_matches_the_reference(MarginOrder order)
    {
        // 50,001 prompts span several blocks of 16,384, the last one partial.
        const int n = 4, prompts = 50_001;
        var random = new SeededRandom(31);
        var rewards = new double[prompts * n];
        var ids = new int[rewards.Length];
        for (int i = 0; i < rewards.Length; i++)
        {
            rewards[i] = random.NextInt(50) * 0.125;
            ids[i] = random.NextInt(3);
        }

        var expected = BruteForce(rewards, ids, n, order);
        for (int repeat = 0; repeat < 3; repeat++)
        {
            var actual = InstanceSelector.Select(rewards, ids, n, order);

            Assert.Equal(expected.Pairs.ToArray(), actual.Pairs.ToArray());
            Assert.Equal(expected.PromptsWithoutDistinctPair, actual.PromptsWithoutDistinctPair);
            Assert.Equal(expected.IdenticalPairsSkipped, actual.IdenticalPairsSkipped);
        }
        Assert.Equal(prompts - 1, expected.Pairs[^1].Prompt);
    }

    private static InstanceSelectionResult BruteForce(double[] rewards, int[]? ids, int n, MarginOrder order)
    {
        var pairs = new List<SelectedPair>();
        int withoutPair = 0;
        long identical = 0;
        for (int p = 0; p < rewards.Length / n; p++)
        {
            var candidates = new List<SelectedPair>();
            for (int a = 0; a < n; a++)
            {
                for (int b = a + 1; b < n; b++)
                {
                    if (ids is not null && ids[p * n + a] == ids[p * n + b]) identical++;
                    else candidates.Add(new SelectedPair(p, a, b, Math.Abs(rewards[p * n + a] - rewards[p * n + b])));
                }
            }
            var ranked = order switch
            {
                MarginOrder.Smallest => candidates.OrderBy(c => c.Margin),
                MarginOrder.Largest => candidates.OrderByDescending(c => c.Margin),
                _ => candidates.OrderBy(c => 0),
            };
            var best = ranked.ThenBy(c => c.First).ThenBy(c => c.Second).ToList();
            if (best.Count == 0) withoutPair++;
            else pairs.Add(best[0]);
        }
        return new InstanceSelectionResult([.. pairs], withoutPair, identical);
    }
}
