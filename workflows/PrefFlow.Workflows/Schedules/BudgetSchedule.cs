using System.Globalization;
using System.Text;

namespace PrefFlow.Workflows.Schedules;

/// <summary>
/// How a multi-iteration experiment spends its annotation budget: iteration i samples M_i prompts and,
/// after selection, keeps floor(keepFraction * M_i + 1e-9) of them as labelled pairs. Either an explicit
/// list of M_i, or a <see cref="BudgetRule"/> that shares a total over the iterations.
/// Creating a schedule never fails on its values: <see cref="Validate"/> says what is wrong with it.
/// </summary>
public sealed class BudgetSchedule : IEquatable<BudgetSchedule>
{
    /// <summary>The keep fraction when none is given: the paper keeps 50% of each iteration's prompts.</summary>
    public const double DefaultKeepFraction = 0.5;

    /// <summary>The most iterations a rule may share its total over.</summary>
    public const int MaxIterations = 100;

    private const double RoundingSlack = 1e-9;

    private readonly int[]? _budgets;

    private BudgetSchedule(BudgetRule? rule, int[]? budgets, long total, int iterations, double keepFraction)
    {
        Rule = rule;
        _budgets = budgets;
        ExplicitBudgets = budgets is null ? null : Array.AsReadOnly(budgets);
        Total = total;
        Iterations = iterations;
        KeepFraction = keepFraction;
    }

    /// <summary>The rule that shares the total; null for an explicit list.</summary>
    public BudgetRule? Rule { get; }

    /// <summary>True for an explicit list of budgets, false for a rule.</summary>
    public bool IsExplicit => Rule is null;

    /// <summary>The prompts of each iteration as given; null for a rule.</summary>
    public IReadOnlyList<int>? ExplicitBudgets { get; }

    /// <summary>
    /// The prompts over all iterations: the rule's total, or the sum of the explicit budgets
    /// (a long, so that a sum past <see cref="int.MaxValue"/> reads as it is).
    /// </summary>
    public long Total { get; }

    /// <summary>The number of iterations: the rule's, or the length of the explicit list.</summary>
    public int Iterations { get; }

    /// <summary>The fraction of each iteration's prompts kept as labelled pairs; valid in (0, 1].</summary>
    public double KeepFraction { get; }

    /// <summary>A schedule that samples <paramref name="budgets"/>[i] prompts in iteration i.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="budgets"/> is null.</exception>
    public static BudgetSchedule Explicit(IReadOnlyList<int> budgets, double keepFraction = DefaultKeepFraction)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        int[] copy = [.. budgets];
        long sum = 0;
        foreach (int budget in copy) sum += budget;
        return new(null, copy, sum, copy.Length, keepFraction);
    }

    /// <summary>A schedule that shares <paramref name="total"/> prompts over <paramref name="iterations"/> by <paramref name="rule"/>.</summary>
    public static BudgetSchedule FromRule(BudgetRule rule, int total, int iterations, double keepFraction = DefaultKeepFraction) =>
        new(rule, null, total, iterations, keepFraction);

    /// <summary>
    /// Everything that makes the schedule impossible, each with a JSON pointer into the schedule's
    /// canonical JSON (see <see cref="BudgetScheduleJson.ToJson"/>); empty when the schedule is valid.
    /// </summary>
    public IReadOnlyList<ScheduleError> Validate()
    {
        var errors = new List<ScheduleError>();
        if (KeepFractionError(KeepFraction) is { } keepError) errors.Add(new("/keepFraction", keepError));
        if (_budgets is not null) ValidateExplicit(_budgets, KeepFraction, errors);
        else ValidateRule(Rule!.Value, errors);
        return errors;
    }

    /// <summary>What each iteration samples and keeps.</summary>
    /// <exception cref="InvalidOperationException">The schedule is not valid; the message lists every error.</exception>
    public IReadOnlyList<IterationBudget> Expand()
    {
        IReadOnlyList<ScheduleError> errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"the budget schedule \"{this}\" is not valid: " + string.Join("; ", errors.Select(Describe)) + ".");
        }
        int[] prompts = Prompts();
        var budgets = new IterationBudget[prompts.Length];
        for (int i = 0; i < prompts.Length; i++) budgets[i] = new(i, prompts[i], Kept(KeepFraction, prompts[i]));
        return budgets;
    }

    /// <summary>
    /// The schedule on one line, for a CLI table: "decrease 30000 over 3 (15000, 10000, 5000), keep 50%",
    /// "explicit 30000 over 3 (...)"; "(invalid)" in place of the budgets of a rule that cannot be expanded.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(RuleName(Rule)).Append(' ').Append(Total.ToString(CultureInfo.InvariantCulture))
            .Append(" over ").Append(Iterations.ToString(CultureInfo.InvariantCulture)).Append(" (");
        int[]? prompts = _budgets ?? (RuleShapeIsValid() ? Prompts() : null);
        if (prompts is null) text.Append("invalid");
        else AppendList(text, prompts);
        return text.Append("), keep ").Append(Percent(KeepFraction)).ToString();
    }

    /// <inheritdoc/>
    public bool Equals(BudgetSchedule? other) =>
        other is not null && Rule == other.Rule && Total == other.Total && Iterations == other.Iterations
        && KeepFraction.Equals(other.KeepFraction)
        && (_budgets is null ? other._budgets is null : other._budgets is not null && _budgets.AsSpan().SequenceEqual(other._budgets));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BudgetSchedule);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rule, Total, Iterations, KeepFraction);

    /// <summary>Whether both schedules have the same rule or list, total, iterations and keep fraction.</summary>
    public static bool operator ==(BudgetSchedule? left, BudgetSchedule? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether the schedules differ.</summary>
    public static bool operator !=(BudgetSchedule? left, BudgetSchedule? right) => !(left == right);

    /// <summary>The rule's name as JSON and <see cref="ToString"/> write it: "increase", "constant", "decrease"; "explicit" for null.</summary>
    internal static string RuleName(BudgetRule? rule) => rule switch
    {
        null => "explicit",
        BudgetRule.Increase => "increase",
        BudgetRule.Constant => "constant",
        BudgetRule.Decrease => "decrease",
        _ => ((int)rule.Value).ToString(CultureInfo.InvariantCulture),
    };

    // Shared with the JSON reader, which checks the fields it could read when it cannot build a schedule.
    internal static string? KeepFractionError(double keepFraction) =>
        !double.IsFinite(keepFraction)
            ? $"keepFraction must be a finite number in (0, 1], but it is {Number(keepFraction)}."
            : keepFraction > 0 && keepFraction <= 1 ? null : $"keepFraction must be in (0, 1], but it is {Number(keepFraction)}.";

    internal static string? IterationsError(int iterations) =>
        iterations < 1 ? $"iterations must be at least 1, but it is {iterations}."
        : iterations > MaxIterations ? $"iterations must be at most {MaxIterations}, but it is {iterations}."
        : null;

    internal static string? TotalError(int total) =>
        total < 1 ? $"total must be at least 1 prompt, but it is {total}." : null;

    internal static string? BudgetError(int index, int budget) =>
        budget < 1 ? $"the budget of the iteration at index {index} must be at least 1 prompt, but it is {budget}." : null;

    internal static string EmptyListError => "the budgets list is empty: give the prompts of at least one iteration.";

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void ValidateExplicit(int[] budgets, double keepFraction, List<ScheduleError> errors)
    {
        if (budgets.Length == 0)
        {
            errors.Add(new("/budgets", EmptyListError));
            return;
        }
        long sum = 0;
        for (int i = 0; i < budgets.Length; i++)
        {
            sum += budgets[i];
            if (BudgetError(i, budgets[i]) is { } error) errors.Add(new($"/budgets/{i}", error));
        }
        if (sum > int.MaxValue)
        {
            errors.Add(new("/budgets", $"the budgets sum to {sum} prompts, more than the largest supported total, {int.MaxValue}."));
        }
        if (KeepFractionError(keepFraction) is not null) return;
        for (int i = 0; i < budgets.Length; i++)
        {
            if (budgets[i] >= 1 && Kept(keepFraction, budgets[i]) == 0)
            {
                errors.Add(new($"/budgets/{i}",
                    $"the iteration at index {i} keeps 0 pairs: {Percent(keepFraction)} of its {PromptCount(budgets[i])} rounds down to 0; " +
                    $"{MinimumPromptsText(keepFraction)}."));
            }
        }
    }

    private void ValidateRule(BudgetRule rule, List<ScheduleError> errors)
    {
        int before = errors.Count;
        if (!Enum.IsDefined(rule))
        {
            errors.Add(new("/rule", $"unknown rule {RuleName(rule)}: expected one of increase, constant, decrease."));
        }
        if (IterationsError(Iterations) is { } iterationsError) errors.Add(new("/iterations", iterationsError));
        if (TotalError((int)Total) is { } totalError) errors.Add(new("/total", totalError));
        // Sharing needs a known rule, iterations in range and a positive total.
        if (errors.Count > before) return;
        int total = (int)Total;
        int[] prompts = Apportionment.Split(rule, total, Iterations);
        int starved = Array.IndexOf(prompts, 0);
        if (starved >= 0)
        {
            int count = prompts.Count(p => p == 0);
            int needed = Apportionment.SafeMinimumTotal(rule, Iterations);
            string others = count > 1 ? $" (and {count - 1} more iteration{(count > 2 ? "s" : "")})" : "";
            errors.Add(new("/total",
                $"the iteration at index {starved}{others} gets 0 prompts from a total of {total}: " +
                $"{RuleName(rule)} over {Iterations} iterations needs a total of at least {needed} to give every iteration a prompt."));
            return;
        }
        if (KeepFractionError(KeepFraction) is not null) return;
        int empty = Array.FindIndex(prompts, p => Kept(KeepFraction, p) == 0);
        if (empty < 0) return;
        int emptyCount = prompts.Count(p => Kept(KeepFraction, p) == 0);
        string more = emptyCount > 1 ? $" (and {emptyCount - 1} more iteration{(emptyCount > 2 ? "s" : "")})" : "";
        errors.Add(new("/total",
            $"the iteration at index {empty}{more} keeps 0 pairs: {Percent(KeepFraction)} of its {PromptCount(prompts[empty])} " +
            $"rounds down to 0; {MinimumPromptsText(KeepFraction)}, so raise the total or keepFraction."));
    }

    private bool RuleShapeIsValid() =>
        Rule is { } rule && Enum.IsDefined(rule) && IterationsError(Iterations) is null && TotalError((int)Total) is null;

    private int[] Prompts() => _budgets is not null ? (int[])_budgets.Clone() : Apportionment.Split(Rule!.Value, (int)Total, Iterations);

    private static string PromptCount(int prompts) => prompts == 1 ? "1 prompt" : $"{prompts} prompts";

    internal static int Kept(double keepFraction, int prompts) => (int)Math.Floor(keepFraction * prompts + RoundingSlack);

    // "keeping 50% needs at least 2 prompts per iteration".
    internal static string MinimumPromptsText(double keepFraction)
    {
        double needed = Math.Ceiling((1 - RoundingSlack) / keepFraction);
        if (needed > int.MaxValue) return $"keeping {Percent(keepFraction)} needs more than {int.MaxValue} prompts per iteration";
        int minimum = Math.Max(1, (int)needed - 1);
        while (Kept(keepFraction, minimum) < 1) minimum++;
        return $"keeping {Percent(keepFraction)} needs at least {minimum} prompts per iteration";
    }

    internal static string Percent(double fraction) =>
        double.IsFinite(fraction) ? (fraction * 100).ToString("0.#########", CultureInfo.InvariantCulture) + "%" : Number(fraction);

    private static string Describe(ScheduleError error) => error.Pointer.Length == 0 ? error.Reason : $"at {error.Pointer}, {error.Reason}";

    private static void AppendList(StringBuilder text, int[] prompts)
    {
        const int Shown = 8;
        for (int i = 0; i < prompts.Length; i++)
        {
            if (prompts.Length > Shown && i == Shown - 2)
            {
                text.Append(", ...");
                i = prompts.Length - 1;
            }
            if (i > 0) text.Append(", ");
            text.Append(prompts[i].ToString(CultureInfo.InvariantCulture));
        }
    }
}
