using PrefFlow.Workflows.Schedules;

namespace PrefFlow.Workflows.Tests.Schedules;

public class BudgetScheduleTests
{
    private static int[] Prompts(BudgetSchedule schedule) => schedule.Expand().Select(b => b.Prompts).ToArray();

    [Theory]
    [InlineData(BudgetRule.Increase, new[] { 5000, 10000, 15000 })]
    [InlineData(BudgetRule.Constant, new[] { 10000, 10000, 10000 })]
    [InlineData(BudgetRule.Decrease, new[] { 15000, 10000, 5000 })]
    public void The_papers_schedules_share_30000_prompts_over_3_iterations(BudgetRule rule, int[] expected)
    {
        IReadOnlyList<IterationBudget> budgets = BudgetSchedule.FromRule(rule, 30000, 3).Expand();

        Assert.Equal(expected, budgets.Select(b => b.Prompts));
        Assert.Equal([0, 1, 2], budgets.Select(b => b.Index));
        Assert.Equal(expected.Select(m => m / 2), budgets.Select(b => b.KeptPairs));
    }

    [Theory]
    [InlineData(BudgetRule.Constant, 10, 3, new[] { 4, 3, 3 })]
    [InlineData(BudgetRule.Increase, 10, 4, new[] { 1, 2, 3, 4 })]
    [InlineData(BudgetRule.Constant, 5, 3, new[] { 2, 2, 1 })]        // remainders tie: the lower indices win
    [InlineData(BudgetRule.Increase, 3, 3, new[] { 1, 1, 1 })]        // 0.5, 1, 1.5: the tie at .5 goes to index 0
    [InlineData(BudgetRule.Increase, 7, 3, new[] { 1, 2, 4 })]
    [InlineData(BudgetRule.Decrease, 7, 3, new[] { 4, 2, 1 })]
    [InlineData(BudgetRule.Increase, 2, 2, new[] { 1, 1 })]
    [InlineData(BudgetRule.Decrease, 2, 2, new[] { 1, 1 })]
    [InlineData(BudgetRule.Increase, 7, 5, new[] { 1, 1, 1, 2, 2 })]
    [InlineData(BudgetRule.Decrease, 17, 1, new[] { 17 })]
    [InlineData(BudgetRule.Constant, int.MaxValue, 2, new[] { 1073741824, 1073741823 })]
    public void A_rule_rounds_by_largest_remainder_to_the_exact_total(BudgetRule rule, int total, int iterations, int[] expected)
    {
        int[] prompts = Prompts(BudgetSchedule.FromRule(rule, total, iterations, keepFraction: 1.0));

        Assert.Equal(expected, prompts);
        Assert.Equal(total, prompts.Sum(p => (long)p));
    }

    [Fact]
    public void An_explicit_list_expands_as_given_and_keeps_its_floor()
    {
        var schedule = BudgetSchedule.Explicit([100, 7, 4], keepFraction: 0.29);

        IReadOnlyList<IterationBudget> budgets = schedule.Expand();

        // 0.29 * 100 is 28.999999999999996 in doubles: the slack keeps 29.
        Assert.Equal([new IterationBudget(0, 100, 29), new IterationBudget(1, 7, 2), new IterationBudget(2, 4, 1)], budgets);
        Assert.True(schedule.IsExplicit);
        Assert.Null(schedule.Rule);
        Assert.Equal(111, schedule.Total);
        Assert.Equal(3, schedule.Iterations);
        Assert.Equal([100, 7, 4], schedule.ExplicitBudgets!);
    }

    [Fact]
    public void A_rule_describes_itself()
    {
        var schedule = BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3);

        Assert.False(schedule.IsExplicit);
        Assert.Equal(BudgetRule.Decrease, schedule.Rule);
        Assert.Null(schedule.ExplicitBudgets);
        Assert.Equal(30000, schedule.Total);
        Assert.Equal(3, schedule.Iterations);
        Assert.Equal(0.5, schedule.KeepFraction);
    }

    [Fact]
    public void An_explicit_schedule_copies_its_list()
    {
        var list = new List<int> { 5, 6 };
        var schedule = BudgetSchedule.Explicit(list);

        list[0] = 99;

        Assert.Equal([5, 6], schedule.ExplicitBudgets!);
        Assert.Equal(11, schedule.Total);
    }

    [Theory]
    [InlineData(BudgetRule.Decrease, 30000, 3, 0.5, "decrease 30000 over 3 (15000, 10000, 5000), keep 50%")]
    [InlineData(BudgetRule.Increase, 30000, 3, 0.125, "increase 30000 over 3 (5000, 10000, 15000), keep 12.5%")]
    [InlineData(BudgetRule.Constant, 100, 10, 1.0, "constant 100 over 10 (10, 10, 10, 10, 10, 10, ..., 10), keep 100%")]
    [InlineData(BudgetRule.Increase, 0, 3, 0.5, "increase 0 over 3 (invalid), keep 50%")]
    public void A_rule_reads_well_in_a_table(BudgetRule rule, int total, int iterations, double keep, string expected)
    {
        Assert.Equal(expected, BudgetSchedule.FromRule(rule, total, iterations, keep).ToString());
    }

    [Fact]
    public void An_explicit_list_reads_well_in_a_table()
    {
        Assert.Equal("explicit 30000 over 3 (15000, 10000, 5000), keep 50%", BudgetSchedule.Explicit([15000, 10000, 5000]).ToString());
        Assert.Equal("explicit 0 over 0 (), keep 50%", BudgetSchedule.Explicit([]).ToString());
    }

    [Fact]
    public void Schedules_are_equal_by_value()
    {
        Assert.Equal(BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3), BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3));
        Assert.True(BudgetSchedule.Explicit([1, 2]) == BudgetSchedule.Explicit([1, 2]));
        Assert.Equal(BudgetSchedule.Explicit([1, 2]).GetHashCode(), BudgetSchedule.Explicit([1, 2]).GetHashCode());

        Assert.NotEqual(BudgetSchedule.Explicit([1, 2]), BudgetSchedule.Explicit([2, 1]));
        Assert.NotEqual(BudgetSchedule.Explicit([1, 2]), BudgetSchedule.Explicit([1, 2], 0.75));
        Assert.NotEqual(BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3), BudgetSchedule.FromRule(BudgetRule.Increase, 30000, 3));
        // The same prompts, but a rule is not a list.
        Assert.NotEqual(BudgetSchedule.FromRule(BudgetRule.Constant, 6, 3), BudgetSchedule.Explicit([2, 2, 2]));
        Assert.True(BudgetSchedule.Explicit([1]) != null);
    }

    [Fact]
    public void Expand_throws_listing_every_error()
    {
        var schedule = BudgetSchedule.FromRule(BudgetRule.Increase, 0, 0, keepFraction: 2);

        var error = Assert.Throws<InvalidOperationException>(() => schedule.Expand());

        Assert.Contains("is not valid", error.Message);
        Assert.Contains("at /keepFraction, keepFraction must be in (0, 1], but it is 2", error.Message);
        Assert.Contains("at /iterations, iterations must be at least 1, but it is 0", error.Message);
        Assert.Contains("at /total, total must be at least 1 prompt, but it is 0", error.Message);
    }

    [Fact]
    public void Explicit_refuses_a_null_list()
    {
        var error = Assert.Throws<ArgumentNullException>(() => BudgetSchedule.Explicit(null!));

        Assert.Equal("budgets", error.ParamName);
    }
}
