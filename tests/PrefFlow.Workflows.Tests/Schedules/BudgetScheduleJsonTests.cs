using System.Text.Json;
using PrefFlow.Workflows.Schedules;

namespace PrefFlow.Workflows.Tests.Schedules;

public class BudgetScheduleJsonTests
{
    private static JsonElement Json(string text)
    {
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static BudgetSchedule ParseValid(string text)
    {
        BudgetScheduleParseResult result = BudgetScheduleJson.Parse(Json(text));
        Assert.Empty(result.Errors);
        Assert.True(result.Succeeded);
        return result.Schedule;
    }

    private static IReadOnlyList<ScheduleError> ParseErrors(string text)
    {
        BudgetScheduleParseResult result = BudgetScheduleJson.Parse(Json(text));
        Assert.False(result.Succeeded);
        Assert.Null(result.Schedule);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    private static void AssertError(ScheduleError error, string pointer, params string[] phrases)
    {
        Assert.Equal(pointer, error.Pointer);
        foreach (string phrase in phrases) Assert.Contains(phrase, error.Reason);
    }

    [Fact]
    public void Reads_a_bare_list()
    {
        BudgetSchedule schedule = ParseValid("[15000, 10000, 5000]");

        Assert.Equal(BudgetSchedule.Explicit([15000, 10000, 5000]), schedule);
        Assert.Equal(0.5, schedule.KeepFraction);
    }

    [Fact]
    public void Reads_a_list_object()
    {
        Assert.Equal(BudgetSchedule.Explicit([15000, 10000, 5000], 0.25),
            ParseValid("""{"budgets": [15000, 10000, 5000], "keepFraction": 0.25}"""));
        Assert.Equal(BudgetSchedule.Explicit([4, 2]), ParseValid("""{"budgets": [4, 2]}"""));
    }

    [Fact]
    public void Reads_a_rule_object()
    {
        Assert.Equal(BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3, 0.5),
            ParseValid("""{"rule": "decrease", "total": 30000, "iterations": 3, "keepFraction": 0.5}"""));
        Assert.Equal(BudgetSchedule.FromRule(BudgetRule.Increase, 30000, 3),
            ParseValid("""{"iterations": 3, "total": 30000, "rule": "increase"}"""));
    }

    [Theory]
    [InlineData("Constant")]
    [InlineData("CONSTANT")]
    [InlineData("cOnStAnT")]
    public void Rule_names_are_case_insensitive(string name)
    {
        Assert.Equal(BudgetRule.Constant, ParseValid($$"""{"rule": "{{name}}", "total": 9, "iterations": 3}""").Rule);
    }

    [Fact]
    public void Whole_numbers_written_as_decimals_or_exponents_read()
    {
        Assert.Equal(BudgetSchedule.FromRule(BudgetRule.Constant, 30000, 3),
            ParseValid("""{"rule": "constant", "total": 3e4, "iterations": 3.0}"""));
    }

    [Theory]
    [InlineData(BudgetRule.Increase, 30000, 3, 0.5)]
    [InlineData(BudgetRule.Decrease, 70, 3, 0.29)]
    [InlineData(BudgetRule.Constant, int.MaxValue, 100, 0.1)]
    public void A_rule_round_trips_through_its_canonical_json(BudgetRule rule, int total, int iterations, double keep)
    {
        var schedule = BudgetSchedule.FromRule(rule, total, iterations, keep);

        JsonElement json = BudgetScheduleJson.ToJson(schedule);

        Assert.Equal(schedule, ParseValid(json.GetRawText()));
    }

    [Fact]
    public void The_canonical_form_is_an_object_with_lower_case_rule_names()
    {
        Assert.Equal("""{"rule":"decrease","total":30000,"iterations":3,"keepFraction":0.5}""",
            BudgetScheduleJson.ToJson(BudgetSchedule.FromRule(BudgetRule.Decrease, 30000, 3)).GetRawText());
        Assert.Equal("""{"budgets":[15000,10000,5000],"keepFraction":0.25}""",
            BudgetScheduleJson.ToJson(BudgetSchedule.Explicit([15000, 10000, 5000], 0.25)).GetRawText());
    }

    [Fact]
    public void A_list_round_trips_through_its_canonical_json()
    {
        var schedule = BudgetSchedule.Explicit([3, 1, 4, 1, 5], keepFraction: 1.0);

        Assert.Equal(schedule, ParseValid(BudgetScheduleJson.ToJson(schedule).GetRawText()));
    }

    [Fact]
    public void An_invalid_schedule_still_writes_and_reads_back_its_errors()
    {
        var schedule = BudgetSchedule.FromRule(BudgetRule.Increase, 0, 3);

        IReadOnlyList<ScheduleError> errors = ParseErrors(BudgetScheduleJson.ToJson(schedule).GetRawText());

        Assert.Equal(schedule.Validate(), errors);
    }

    [Fact]
    public void A_keep_fraction_json_cannot_hold_is_refused_when_writing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BudgetScheduleJson.ToJson(BudgetSchedule.Explicit([2], double.NaN)));

        Assert.Contains("keepFraction is NaN", error.Message);
    }

    [Fact]
    public void Unknown_properties_are_reported_with_a_hint_for_a_wrong_case()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"budgets": [2, 2], "Keepfraction": 0.5, "seed": 1, "a/b~": 0}""");

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], "/Keepfraction", "unknown property \"Keepfraction\"", "did you mean \"keepFraction\"?");
        AssertError(errors[1], "/seed", "unknown property \"seed\"", "budgets, keepFraction, rule, total and iterations");
        AssertError(errors[2], "/a~1b~0", "unknown property \"a/b~\"");
    }

    [Fact]
    public void A_repeated_property_is_reported()
    {
        AssertError(Assert.Single(ParseErrors("""{"budgets": [2], "budgets": [4]}""")), "/budgets", "appears more than once");
    }

    [Theory]
    [InlineData("\"decrease\"", "the string \"decrease\"")]
    [InlineData("30000", "the number 30000")]
    [InlineData("true", "the boolean true")]
    [InlineData("null", "null")]
    public void A_value_that_is_neither_a_list_nor_an_object_is_reported(string json, string kind)
    {
        AssertError(Assert.Single(ParseErrors(json)), "", "must be a list of prompt counts or an object", $"but it is {kind}");
    }

    [Fact]
    public void Wrong_types_are_all_reported()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"rule": 3, "total": "30000", "iterations": [3], "keepFraction": "half"}""");

        Assert.Equal(4, errors.Count);
        AssertError(errors[0], "/rule", "rule must be a rule name", "but it is the number 3");
        AssertError(errors[1], "/total", "total must be a whole number, but it is the string \"30000\"");
        AssertError(errors[2], "/iterations", "iterations must be a whole number, but it is a list");
        AssertError(errors[3], "/keepFraction", "keepFraction must be a number in (0, 1], but it is the string \"half\"");
    }

    [Fact]
    public void Budgets_that_are_not_a_list_are_reported()
    {
        AssertError(Assert.Single(ParseErrors("""{"budgets": {"0": 5}}""")), "/budgets", "budgets must be a list of prompt counts, but it is an object");
    }

    [Fact]
    public void Bad_entries_of_a_bare_list_are_all_reported_at_their_index()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""[5000, "5000", 2.5, 0, 3000000000]""");

        Assert.Equal(4, errors.Count);
        AssertError(errors[0], "/1", "the budget of the iteration at index 1 must be a whole number, but it is the string \"5000\"");
        AssertError(errors[1], "/2", "must be a whole number, but it is 2.5");
        AssertError(errors[2], "/4", "is 3000000000, more than the largest supported value, 2147483647");
        AssertError(errors[3], "/3", "must be at least 1 prompt, but it is 0");
    }

    [Fact]
    public void Semantic_errors_of_a_bare_list_point_into_the_list()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("[2147483647, 1, 0]");

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], "/2", "must be at least 1 prompt, but it is 0");
        AssertError(errors[1], "", "sum to 2147483648 prompts");
        AssertError(errors[2], "/1", "the iteration at index 1 keeps 0 pairs");
    }

    [Fact]
    public void An_empty_list_is_reported()
    {
        AssertError(Assert.Single(ParseErrors("[]")), "", "the budgets list is empty");
        AssertError(Assert.Single(ParseErrors("""{"budgets": []}""")), "/budgets", "the budgets list is empty");
    }

    [Fact]
    public void An_unknown_rule_lists_the_valid_ones()
    {
        AssertError(Assert.Single(ParseErrors("""{"rule": "linear", "total": 30000, "iterations": 3}""")), "/rule",
            "unknown rule \"linear\"", "expected one of increase, constant, decrease");
    }

    [Fact]
    public void A_rule_mixed_with_a_list_is_reported()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"rule": "increase", "budgets": [1, 2], "total": 3, "iterations": 2}""");

        AssertError(Assert.Single(errors), "", "either a budgets list or a rule, not both");
    }

    [Fact]
    public void Rule_fields_beside_a_list_are_reported()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"budgets": [2, 4], "total": 6, "iterations": 2}""");

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "/total", "total belongs to a rule");
        AssertError(errors[1], "/iterations", "iterations belongs to a rule");
    }

    [Fact]
    public void A_rule_missing_its_total_and_iterations_is_reported()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"rule": "constant"}""");

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "", "the rule needs a total");
        AssertError(errors[1], "", "the rule needs iterations");
    }

    [Fact]
    public void An_object_with_neither_a_list_nor_a_rule_is_reported()
    {
        AssertError(Assert.Single(ParseErrors("""{"keepFraction": 0.5}""")), "", "needs either a budgets list or a rule");
    }

    [Theory]
    [InlineData("30000.5", "total must be a whole number, but it is 30000.5")]
    [InlineData("3000000000", "total is 3000000000, more than the largest supported value, 2147483647")]
    [InlineData("1e400", "total is 1e400, more than the largest supported value")]
    [InlineData("-3e10", "total must be at least 1, but it is -3e10")]
    public void A_total_that_is_not_a_whole_int_is_reported(string total, string phrase)
    {
        AssertError(Assert.Single(ParseErrors($$"""{"rule": "constant", "total": {{total}}, "iterations": 3}""")), "/total", phrase);
    }

    [Fact]
    public void Schedule_errors_are_reported_beside_json_errors()
    {
        // The rule cannot be read, so each field that can is checked on its own.
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"rule": "sideways", "total": 0, "iterations": 0, "keepFraction": 2}""");

        Assert.Equal(["/rule", "/keepFraction", "/total", "/iterations"], errors.Select(e => e.Pointer));
    }

    [Fact]
    public void Schedule_errors_of_a_readable_rule_point_at_its_fields()
    {
        IReadOnlyList<ScheduleError> errors = ParseErrors("""{"rule": "decrease", "total": 3, "iterations": 3, "keepFraction": 0.5, "x": 1}""");

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "/x", "unknown property");
        AssertError(errors[1], "/total", "the iteration at index 2 gets 0 prompts", "needs a total of at least 4");
    }

    [Fact]
    public void A_keep_fraction_out_of_range_is_reported()
    {
        AssertError(Assert.Single(ParseErrors("""{"budgets": [4], "keepFraction": 1.5}""")), "/keepFraction", "must be in (0, 1], but it is 1.5");
        AssertError(Assert.Single(ParseErrors("""{"budgets": [4], "keepFraction": 1e999}""")), "/keepFraction", "must be a finite number");
    }

    [Fact]
    public void Write_writes_into_a_larger_document()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("schedule");
            BudgetScheduleJson.Write(writer, BudgetSchedule.FromRule(BudgetRule.Constant, 9, 3));
            writer.WriteEndObject();
        }

        Assert.Equal("""{"schedule":{"rule":"constant","total":9,"iterations":3,"keepFraction":0.5}}""",
            System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
