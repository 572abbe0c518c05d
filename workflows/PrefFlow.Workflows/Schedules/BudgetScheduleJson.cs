using PrefFlow.Workflows.Json;
using System.Buffers;
using System.Text.Json;

namespace PrefFlow.Workflows.Schedules;

/// <summary>
/// Reads and writes budget schedules as workflow definitions hold them. Three forms read:
/// a list of prompt counts <c>[15000, 10000, 5000]</c>; an object with a list
/// <c>{"budgets": [15000, 10000, 5000], "keepFraction": 0.5}</c>; or an object with a rule
/// <c>{"rule": "decrease", "total": 30000, "iterations": 3, "keepFraction": 0.5}</c>.
/// keepFraction is optional (default 0.5); rule names are case-insensitive; property names are not.
/// </summary>
public static class BudgetScheduleJson
{
    private const string BudgetsName = "budgets";
    private const string KeepFractionName = "keepFraction";
    private const string RuleName = "rule";
    private const string TotalName = "total";
    private const string IterationsName = "iterations";

    private static readonly string[] PropertyNames = [BudgetsName, KeepFractionName, RuleName, TotalName, IterationsName];
    private static readonly BudgetRule[] Rules = [BudgetRule.Increase, BudgetRule.Constant, BudgetRule.Decrease];

    /// <summary>
    /// Reads a schedule and checks it, reporting every error at once: wrong JSON types, unknown or repeated
    /// properties, unknown rule names, a rule mixed with a list, missing fields, numbers that are not whole
    /// or do not fit an int, and everything <see cref="BudgetSchedule.Validate"/> reports.
    /// </summary>
    public static BudgetScheduleParseResult Parse(JsonElement element)
    {
        var errors = new List<ScheduleError>();
        BudgetSchedule? schedule = element.ValueKind switch
        {
            JsonValueKind.Array => ParseList(element, errors),
            JsonValueKind.Object => ParseObject(element, errors),
            _ => Fail(errors, "", $"a budget schedule must be a list of prompt counts or an object, but it is {JsonValueDescription.Describe(element)}."),
        };
        return new(schedule, errors);
    }

    /// <summary>
    /// The schedule's canonical JSON: <c>{"budgets": [...], "keepFraction": f}</c> for a list,
    /// <c>{"rule": "decrease", "total": n, "iterations": k, "keepFraction": f}</c> for a rule.
    /// <see cref="Parse"/> reads it back to an equal schedule.
    /// </summary>
    /// <exception cref="InvalidOperationException">The keep fraction is NaN or infinite, which JSON cannot hold.</exception>
    public static JsonElement ToJson(BudgetSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, schedule);
        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Writes the schedule's canonical JSON (see <see cref="ToJson"/>) as the writer's next value.</summary>
    /// <exception cref="InvalidOperationException">The keep fraction is NaN or infinite, which JSON cannot hold.</exception>
    public static void Write(Utf8JsonWriter writer, BudgetSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(schedule);
        if (!double.IsFinite(schedule.KeepFraction))
        {
            throw new InvalidOperationException(
                $"the schedule's keepFraction is {BudgetSchedule.Number(schedule.KeepFraction)}, which JSON cannot hold.");
        }
        writer.WriteStartObject();
        if (schedule.ExplicitBudgets is { } budgets)
        {
            writer.WriteStartArray(BudgetsName);
            foreach (int budget in budgets) writer.WriteNumberValue(budget);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString(RuleName, BudgetSchedule.RuleName(schedule.Rule));
            writer.WriteNumber(TotalName, schedule.Total);
            writer.WriteNumber(IterationsName, schedule.Iterations);
        }
        writer.WriteNumber(KeepFractionName, schedule.KeepFraction);
        writer.WriteEndObject();
    }

    private static BudgetSchedule? ParseList(JsonElement list, List<ScheduleError> errors)
    {
        List<int>? budgets = ReadBudgets(list, "", errors);
        if (budgets is null) return null;
        BudgetSchedule schedule = BudgetSchedule.Explicit(budgets);
        // Validate points into the object form; the bare list is that form's "/budgets".
        foreach (ScheduleError error in schedule.Validate())
        {
            string pointer = error.Pointer == "/" + BudgetsName ? ""
                : error.Pointer.StartsWith("/" + BudgetsName + "/", StringComparison.Ordinal) ? error.Pointer[(BudgetsName.Length + 1)..]
                : error.Pointer;
            errors.Add(error with { Pointer = pointer });
        }
        return schedule;
    }

    private static BudgetSchedule? ParseObject(JsonElement value, List<ScheduleError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        JsonElement? budgetsElement = null;
        List<int>? budgets = null;
        BudgetRule? rule = null;
        int? total = null, iterations = null;
        double? keepFraction = null;
        bool hasRule = false, hasTotal = false, hasIterations = false, hasKeep = false;

        foreach (JsonProperty property in value.EnumerateObject())
        {
            string pointer = "/" + JsonPointer.Escape(property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(new(pointer, $"the property \"{property.Name}\" appears more than once: give it once."));
                continue;
            }
            switch (property.Name)
            {
                case BudgetsName:
                    budgetsElement = property.Value;
                    if (property.Value.ValueKind == JsonValueKind.Array) budgets = ReadBudgets(property.Value, pointer, errors);
                    else errors.Add(new(pointer, $"budgets must be a list of prompt counts, but it is {JsonValueDescription.Describe(property.Value)}."));
                    break;
                case KeepFractionName:
                    hasKeep = true;
                    keepFraction = ReadKeepFraction(property.Value, pointer, errors);
                    break;
                case RuleName:
                    hasRule = true;
                    rule = ReadRule(property.Value, pointer, errors);
                    break;
                case TotalName:
                    hasTotal = true;
                    total = ReadInt(property.Value, pointer, TotalName, errors);
                    break;
                case IterationsName:
                    hasIterations = true;
                    iterations = ReadInt(property.Value, pointer, IterationsName, errors);
                    break;
                default:
                    string? hint = Array.Find(PropertyNames, name => string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase));
                    errors.Add(new(pointer,
                        $"unknown property \"{property.Name}\": a schedule takes budgets, keepFraction, rule, total and iterations" +
                        (hint is null ? "." : $" (names are case-sensitive: did you mean \"{hint}\"?).")));
                    break;
            }
        }

        bool hasBudgets = budgetsElement is not null;
        if (hasBudgets && hasRule)
        {
            errors.Add(new("", "a schedule takes either a budgets list or a rule, not both: remove budgets to share a total by the rule, or rule (with total and iterations) to keep the list."));
        }
        else if (hasBudgets)
        {
            if (hasTotal) errors.Add(new("/" + TotalName, "total belongs to a rule: a budgets list totals the sum of its entries, so remove total."));
            if (hasIterations) errors.Add(new("/" + IterationsName, "iterations belongs to a rule: a budgets list has one iteration per entry, so remove iterations."));
        }
        else if (hasRule)
        {
            if (!hasTotal) errors.Add(new("", "the rule needs a total: add \"total\", the prompts over all iterations."));
            if (!hasIterations) errors.Add(new("", "the rule needs iterations: add \"iterations\", how many iterations share the total."));
        }
        else
        {
            errors.Add(new("", "a schedule needs either a budgets list or a rule: add \"budgets\": [...], or \"rule\" with \"total\" and \"iterations\"."));
        }

        double keep = keepFraction ?? BudgetSchedule.DefaultKeepFraction;
        BudgetSchedule? schedule = null;
        if (!hasRule && budgets is not null) schedule = BudgetSchedule.Explicit(budgets, keep);
        else if (!hasBudgets && rule is { } r && total is { } t && iterations is { } k) schedule = BudgetSchedule.FromRule(r, t, k, keep);
        if (schedule is not null && (!hasKeep || keepFraction is not null))
        {
            errors.AddRange(schedule.Validate());
            return schedule;
        }

        // No schedule to validate as a whole: check each field that could be read on its own.
        if (keepFraction is { } f && BudgetSchedule.KeepFractionError(f) is { } keepError) errors.Add(new("/" + KeepFractionName, keepError));
        if (total is { } n && BudgetSchedule.TotalError(n) is { } totalError) errors.Add(new("/" + TotalName, totalError));
        if (iterations is { } i && BudgetSchedule.IterationsError(i) is { } iterationsError) errors.Add(new("/" + IterationsName, iterationsError));
        if (budgets is not null)
        {
            if (budgets.Count == 0) errors.Add(new("/" + BudgetsName, BudgetSchedule.EmptyListError));
            for (int index = 0; index < budgets.Count; index++)
            {
                if (BudgetSchedule.BudgetError(index, budgets[index]) is { } budgetError) errors.Add(new($"/{BudgetsName}/{index}", budgetError));
            }
        }
        return null;
    }

    // The entries of a list, or null when any is not a whole number in int's range (each such entry is reported).
    // Entries that read are checked on their own when another entry fails, so that every error shows at once.
    private static List<int>? ReadBudgets(JsonElement list, string pointer, List<ScheduleError> errors)
    {
        var budgets = new List<int>();
        var read = new List<(int Index, int Value)>();
        bool failed = false;
        int index = 0;
        foreach (JsonElement entry in list.EnumerateArray())
        {
            string entryPointer = $"{pointer}/{index}";
            if (ReadInt(entry, entryPointer, $"the budget of the iteration at index {index}", errors) is { } value)
            {
                budgets.Add(value);
                read.Add((index, value));
            }
            else
            {
                failed = true;
            }
            index++;
        }
        if (!failed) return budgets;
        foreach ((int at, int value) in read)
        {
            if (BudgetSchedule.BudgetError(at, value) is { } error) errors.Add(new($"{pointer}/{at}", error));
        }
        return null;
    }

    private static int? ReadInt(JsonElement value, string pointer, string what, List<ScheduleError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new(pointer, $"{what} must be a whole number, but it is {JsonValueDescription.Describe(value)}."));
            return null;
        }
        if (value.TryGetInt32(out int exact)) return exact;
        string raw = value.GetRawText();
        // 30000.0 and 3e4 are whole numbers too; a number past double's range reads as infinite.
        bool isDouble = value.TryGetDouble(out double number);
        if (isDouble && double.IsFinite(number) && number != Math.Floor(number))
        {
            errors.Add(new(pointer, $"{what} must be a whole number, but it is {raw}."));
            return null;
        }
        bool negative = raw.StartsWith('-');
        if (isDouble && number >= int.MinValue && number <= int.MaxValue) return (int)number;
        errors.Add(new(pointer, negative
            ? $"{what} must be at least 1, but it is {raw}."
            : $"{what} is {raw}, more than the largest supported value, {int.MaxValue}."));
        return null;
    }

    private static double? ReadKeepFraction(JsonElement value, string pointer, List<ScheduleError> errors)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(new(pointer, $"keepFraction must be a number in (0, 1], but it is {JsonValueDescription.Describe(value)}."));
            return null;
        }
        if (value.TryGetDouble(out double fraction) && double.IsFinite(fraction)) return fraction;
        errors.Add(new(pointer, $"keepFraction must be a finite number in (0, 1], but it is {value.GetRawText()}."));
        return null;
    }

    private static BudgetRule? ReadRule(JsonElement value, string pointer, List<ScheduleError> errors)
    {
        const string Expected = "expected one of increase, constant, decrease";
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(pointer, $"rule must be a rule name ({Expected}), but it is {JsonValueDescription.Describe(value)}."));
            return null;
        }
        string name = value.GetString()!;
        foreach (BudgetRule rule in Rules)
        {
            if (string.Equals(BudgetSchedule.RuleName(rule), name, StringComparison.OrdinalIgnoreCase)) return rule;
        }
        errors.Add(new(pointer, $"unknown rule \"{name}\": {Expected}."));
        return null;
    }

    private static BudgetSchedule? Fail(List<ScheduleError> errors, string pointer, string reason)
    {
        errors.Add(new(pointer, reason));
        return null;
    }


}
