namespace PrefFlow.Workflows.Schedules;

/// <summary>
/// Shares a total over iterations in proportion to a rule's weights by the largest-remainder method:
/// each iteration gets floor(total * w_i / W), and the prompts left over go one each to the largest
/// remainders, ties to the lower index. Integer arithmetic throughout, so the shares are exact.
/// </summary>
internal static class Apportionment
{
    /// <summary>The weight of iteration <paramref name="index"/> of <paramref name="iterations"/>.</summary>
    internal static long Weight(BudgetRule rule, int index, int iterations) => rule switch
    {
        BudgetRule.Increase => index + 1L,
        BudgetRule.Decrease => (long)iterations - index,
        _ => 1,
    };

    /// <summary>The sum of the weights: k for constant, k(k + 1)/2 otherwise.</summary>
    internal static long WeightSum(BudgetRule rule, int iterations) =>
        rule == BudgetRule.Constant ? iterations : (long)iterations * (iterations + 1) / 2;

    /// <summary>The prompts of each iteration; they sum to <paramref name="total"/>.</summary>
    internal static int[] Split(BudgetRule rule, int total, int iterations)
    {
        long weightSum = WeightSum(rule, iterations);
        var shares = new int[iterations];
        var remainders = new long[iterations];
        long assigned = 0;
        for (int i = 0; i < iterations; i++)
        {
            // total < 2^31 and a weight <= 2^31, so the product fits in a long.
            long quota = total * Weight(rule, i, iterations);
            shares[i] = (int)(quota / weightSum);
            remainders[i] = quota % weightSum;
            assigned += shares[i];
        }
        int left = (int)(total - assigned);
        if (left == 0) return shares;
        var order = new int[iterations];
        for (int i = 0; i < iterations; i++) order[i] = i;
        Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (int r = 0; r < left; r++) shares[order[r]]++;
        return shares;
    }

    /// <summary>
    /// The smallest total N such that every total from N up gives each of the iterations at least one prompt.
    /// Largest remainder is not monotone (the Alabama paradox): below N some totals may work and others not,
    /// so N is the threshold above which no total fails.
    /// </summary>
    internal static int SafeMinimumTotal(BudgetRule rule, int iterations)
    {
        // Equal weights: floor(total / k) >= 1 exactly when total >= k.
        if (rule == BudgetRule.Constant || iterations == 1) return iterations;
        long weightSum = WeightSum(rule, iterations);
        // From weightSum up, every floor is at least 1. Below it, the iterations with a zero floor have
        // remainders total * w, so the one of weight 1 ranks last among them: all of them get a prompt
        // exactly when it does. Walk the totals down from weightSum - 1, updating the remainders by
        // subtraction, until one leaves the weight-1 iteration without a prompt.
        int lowest = rule == BudgetRule.Increase ? 0 : iterations - 1;
        var remainders = new long[iterations];
        long remainderSum = 0;
        long start = Math.Min(weightSum - 1, int.MaxValue);
        for (int i = 0; i < iterations; i++)
        {
            remainders[i] = start * Weight(rule, i, iterations) % weightSum;
            remainderSum += remainders[i];
        }
        for (long total = start; total >= iterations; total--)
        {
            if (total < weightSum && !LowestGetsAPrompt(remainders, remainderSum / weightSum, lowest, total)) return (int)total + 1;
            for (int i = 0; i < iterations; i++)
            {
                long weight = Weight(rule, i, iterations);
                long next = remainders[i] - weight;
                if (next < 0) next += weightSum;
                remainderSum += next - remainders[i];
                remainders[i] = next;
            }
        }
        return iterations;
    }

    // Whether the iteration of weight 1 (floor 0, remainder = total) is among the `left` largest remainders.
    private static bool LowestGetsAPrompt(long[] remainders, long left, int lowest, long total)
    {
        long ahead = 0;
        for (int j = 0; j < remainders.Length; j++)
        {
            if (j != lowest && (remainders[j] > total || (remainders[j] == total && j < lowest))) ahead++;
        }
        return ahead < left;
    }
}
