using PrefFlow.Workflows.Schedules;

namespace PrefFlow.Workflows.Tests.Schedules;

public class BudgetScheduleValidationTests
{
    private static ScheduleError Single(BudgetSchedule schedule) => Assert.Single(schedule.Validate());

    private static void AssertError(ScheduleError error, string pointer, params string[] phrases)
    {
        Assert.Equal(pointer, error.Pointer);
        foreach (string phrase in phrases) Assert.Contains(phrase, error.Reason);
    }

    [Fact]
    public void Valid_schedules_have_no_errors()
    {
        Assert.Empty(BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3).Validate());
        Assert.Empty(BudgetSchedule.Explicit([2, 2], keepFraction: 0.5).Validate());
        Assert.Empty(BudgetSchedule.Explicit([1], keepFraction: 1.0).Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Iterations_below_one_are_reported(int iterations)
    {
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Constant, 100, iterations)), "/iterations",
            $"iterations must be at least 1, but it is {iterations}");
    }

    [Fact]
    public void Iterations_past_the_maximum_are_reported()
    {
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Constant, 1_000_000, BudgetSchedule.MaxIterations + 1)), "/iterations",
            "iterations must be at most 100, but it is 101");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30000)]
    public void A_total_below_one_is_reported(int total)
    {
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Increase, total, 3)), "/total",
            $"total must be at least 1 prompt, but it is {total}");
    }

    [Theory]
    [InlineData(BudgetRule.Constant, 2, 3, 2, 3)]    // 1, 1, 0
    [InlineData(BudgetRule.Increase, 4, 4, 0, 5)]    // 0, 1, 1, 2
    [InlineData(BudgetRule.Decrease, 3, 3, 2, 4)]    // 2, 1, 0
    [InlineData(BudgetRule.Increase, 8, 5, 0, 9)]    // 0, 1, 2, 2, 3, although 7 gives 1, 1, 1, 2, 2
    public void A_total_too_small_for_every_iteration_names_the_iteration_and_the_total_needed(
        BudgetRule rule, int total, int iterations, int starved, int needed)
    {
        AssertError(Single(BudgetSchedule.FromRule(rule, total, iterations)), "/total",
            $"the iteration at index {starved} ", $"gets 0 prompts from a total of {total}", $"needs a total of at least {needed}");
    }

    [Fact]
    public void A_total_far_too_small_counts_the_iterations_left_without_prompts()
    {
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Constant, 2, 5)), "/total",
            "the iteration at index 2 (and 2 more iterations) gets 0 prompts", "needs a total of at least 5");
    }

    [Fact]
    public void The_total_needed_is_found_for_the_most_iterations()
    {
        ScheduleError error = Single(BudgetSchedule.FromRule(BudgetRule.Decrease, 1000, BudgetSchedule.MaxIterations));

        // decrease(1000, 100) leaves indices 98 and 99 without a prompt; from 2659 up no total does.
        AssertError(error, "/total", "the iteration at index 98 (and 1 more iteration) gets 0 prompts from a total of 1000",
            "decrease over 100 iterations needs a total of at least 2659");
    }

    [Fact]
    public void An_empty_list_is_reported()
    {
        AssertError(Single(BudgetSchedule.Explicit([])), "/budgets", "the budgets list is empty");
    }

    [Fact]
    public void Every_entry_below_one_is_reported()
    {
        IReadOnlyList<ScheduleError> errors = BudgetSchedule.Explicit([5, 0, 7, -1]).Validate();

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "/budgets/1", "the budget of the iteration at index 1 must be at least 1 prompt, but it is 0");
        AssertError(errors[1], "/budgets/3", "must be at least 1 prompt, but it is -1");
    }

    [Theory]
    [InlineData(0.0, "must be in (0, 1], but it is 0")]
    [InlineData(-0.5, "must be in (0, 1], but it is -0.5")]
    [InlineData(1.5, "must be in (0, 1], but it is 1.5")]
    [InlineData(double.NaN, "must be a finite number in (0, 1], but it is NaN")]
    [InlineData(double.PositiveInfinity, "must be a finite number in (0, 1], but it is Infinity")]
    public void A_keep_fraction_outside_zero_to_one_is_reported(double keep, string phrase)
    {
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3, keep)), "/keepFraction", phrase);
        AssertError(Single(BudgetSchedule.Explicit([10], keep)), "/keepFraction", phrase);
    }

    [Fact]
    public void An_explicit_iteration_that_keeps_no_pair_is_reported_with_its_prompts()
    {
        IReadOnlyList<ScheduleError> errors = BudgetSchedule.Explicit([10, 1, 3], keepFraction: 0.3).Validate();

        // 0.3 of 3 is 0.9: nothing kept either.
        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "/budgets/1", "the iteration at index 1 keeps 0 pairs", "30% of its 1 prompt rounds down to 0", "at least 4 prompts");
        AssertError(errors[1], "/budgets/2", "the iteration at index 2 keeps 0 pairs", "of its 3 prompts");
    }

    [Fact]
    public void A_rule_iteration_that_keeps_no_pair_is_reported_with_its_prompts()
    {
        // decrease(6, 3) = 3, 2, 1: the last keeps floor(0.5) = 0.
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Decrease, 6, 3)), "/total",
            "the iteration at index 2 keeps 0 pairs", "50% of its 1 prompt rounds down to 0", "at least 2 prompts");
        AssertError(Single(BudgetSchedule.FromRule(BudgetRule.Constant, 3, 3)), "/total",
            "the iteration at index 0 (and 2 more iterations) keeps 0 pairs");
    }

    [Fact]
    public void A_sum_past_int_is_reported()
    {
        AssertError(Single(BudgetSchedule.Explicit([int.MaxValue, 2], keepFraction: 1)), "/budgets",
            "the budgets sum to 2147483649 prompts, more than the largest supported total, 2147483647");
    }

    [Fact]
    public void An_undefined_rule_is_reported()
    {
        AssertError(Single(BudgetSchedule.FromRule((BudgetRule)7, 30000, 3)), "/rule",
            "unknown rule 7", "increase, constant, decrease");
    }

    [Fact]
    public void Independent_errors_are_all_reported()
    {
        IReadOnlyList<ScheduleError> errors = BudgetSchedule.FromRule(BudgetRule.Increase, -1, 0, keepFraction: 0).Validate();

        Assert.Equal(["/keepFraction", "/iterations", "/total"], errors.Select(e => e.Pointer));
    }

    [Fact]
    public void An_error_prints_its_pointer_and_reason()
    {
        Assert.Equal("/total: why", new ScheduleError("/total", "why").ToString());
        Assert.Equal("why", new ScheduleError("", "why").ToString());
    }
}
