using PrefFlow.Workflows.Schedules;

namespace PrefFlow.Workflows.Tests.Schedules;

public class BudgetSchedulePropertyTests
{
    private static readonly BudgetRule[] Rules = [BudgetRule.Increase, BudgetRule.Constant, BudgetRule.Decrease];

    [Fact]
    public void Random_rules_share_exactly_their_total_in_rule_order()
    {
        var random = new Random(20261123);
        int valid = 0, starved = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            BudgetRule rule = Rules[random.Next(Rules.Length)];
            int iterations = random.Next(1, 41);
            // Small totals reach the ones too small for every iteration; large ones reach int's range.
            int total = random.Next(3) switch
            {
                0 => random.Next(1, 400),
                1 => random.Next(1, 1_000_000),
                _ => random.Next(1, int.MaxValue),
            };

            int[] prompts = Apportionment.Split(rule, total, iterations);

            Assert.Equal(iterations, prompts.Length);
            Assert.Equal(total, prompts.Sum(p => (long)p));
            long weightSum = Apportionment.WeightSum(rule, iterations);
            for (int i = 0; i < iterations; i++)
            {
                // Largest remainder stays within one prompt of the exact share.
                decimal exact = (decimal)total * Apportionment.Weight(rule, i, iterations) / weightSum;
                Assert.True(Math.Abs(prompts[i] - exact) < 1, $"{rule}({total}, {iterations})[{i}] = {prompts[i]}, exact {exact}");
            }
            for (int i = 1; i < iterations; i++)
            {
                switch (rule)
                {
                    case BudgetRule.Increase: Assert.True(prompts[i] >= prompts[i - 1], $"increase({total}, {iterations}) falls at {i}"); break;
                    case BudgetRule.Decrease: Assert.True(prompts[i] <= prompts[i - 1], $"decrease({total}, {iterations}) rises at {i}"); break;
                    default: Assert.True(prompts[i] <= prompts[i - 1], $"constant({total}, {iterations}) rises at {i}"); break;
                }
            }
            if (rule == BudgetRule.Constant) Assert.True(prompts.Max() - prompts.Min() <= 1);

            // The public schedule agrees: valid exactly when every iteration gets a prompt.
            var schedule = BudgetSchedule.FromRule(rule, total, iterations, keepFraction: 1.0);
            if (prompts.Min() >= 1)
            {
                Assert.Equal(prompts, schedule.Expand().Select(b => b.Prompts));
                valid++;
            }
            else
            {
                ScheduleError error = Assert.Single(schedule.Validate());
                Assert.Equal("/total", error.Pointer);
                Assert.Contains($"the iteration at index {Array.IndexOf(prompts, 0)}", error.Reason);
                Assert.True(total < Apportionment.SafeMinimumTotal(rule, iterations));
                starved++;
            }
        }
        // Both branches ran.
        Assert.True(valid > 1000, $"{valid} valid");
        Assert.True(starved > 50, $"{starved} starved");
    }

    [Theory]
    [InlineData(BudgetRule.Increase)]
    [InlineData(BudgetRule.Constant)]
    [InlineData(BudgetRule.Decrease)]
    public void The_total_needed_is_the_threshold_above_which_no_total_starves_an_iteration(BudgetRule rule)
    {
        for (int iterations = 1; iterations <= 30; iterations++)
        {
            int needed = Apportionment.SafeMinimumTotal(rule, iterations);
            long weightSum = Apportionment.WeightSum(rule, iterations);

            for (int total = needed; total <= weightSum + 3; total++)
            {
                Assert.True(Apportionment.Split(rule, total, iterations).Min() >= 1, $"{rule}({total}, {iterations}) starves an iteration");
            }
            if (needed > iterations)
            {
                Assert.Equal(0, Apportionment.Split(rule, needed - 1, iterations).Min());
            }
            else
            {
                Assert.Equal(iterations, needed);
            }
        }
    }
}
