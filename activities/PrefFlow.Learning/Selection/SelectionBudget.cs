using System.Globalization;

namespace PrefFlow.Learning.Selection;

/// <summary>
/// How many pairs a corpus-level selection keeps: a fixed count, or a fraction of the corpus.
/// A fraction f of a corpus of S pairs keeps floor(f * S + 1e-9) pairs; the 1e-9 absorbs binary
/// rounding, so 0.29 of 100 keeps 29 and not 28 even though 0.29 * 100 is 28.999999999999996 in doubles.
/// Text notation: "5000" is a count, "50%" or "0.5" a fraction (see <see cref="Parse"/>).
/// </summary>
public readonly struct SelectionBudget : IEquatable<SelectionBudget>
{
    private const double RoundingSlack = 1e-9;

    private readonly int _count;
    private readonly double _fraction;
    // Only how the budget prints; equality ignores it.
    private readonly bool _percent;

    private SelectionBudget(int count, double fraction, bool percent)
    {
        _count = count;
        _fraction = fraction;
        _percent = percent;
    }

    /// <summary>True for a fraction of the corpus, false for a fixed count.</summary>
    public bool IsFraction => _fraction > 0;

    /// <summary>The fixed number of pairs; 0 for a fraction.</summary>
    public int PairCount => _count;

    /// <summary>The fraction of the corpus, in (0, 1]; 0 for a fixed count.</summary>
    public double FractionOfCorpus => _fraction;

    // default(SelectionBudget) has neither a count nor a fraction.
    internal bool IsSet => _count > 0 || _fraction > 0;

    /// <summary>A budget of exactly <paramref name="pairs"/> pairs (at least 1).</summary>
    public static SelectionBudget Count(int pairs) =>
        CountError(pairs) is { } error ? throw new ArgumentOutOfRangeException(nameof(pairs), pairs, error) : new(pairs, 0, percent: false);

    /// <summary>A budget of floor(<paramref name="fraction"/> * corpus size + 1e-9) pairs; the fraction must be in (0, 1].</summary>
    public static SelectionBudget Fraction(double fraction) =>
        FractionError(fraction) is { } error ? throw new ArgumentOutOfRangeException(nameof(fraction), fraction, error) : new(0, fraction, percent: true);

    /// <summary>
    /// Reads a budget: a whole number ("5000") is a count; a number with a percent sign ("50%", "12.5%")
    /// or a decimal ("0.5", "1.0", "5e-3") is a fraction. Numbers use the invariant culture ('.' as decimal point).
    /// </summary>
    /// <exception cref="FormatException">The text is not one of these notations, or its value is out of range.</exception>
    public static SelectionBudget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        string? error;
        SelectionBudget budget;
        if (trimmed.Length > 0 && trimmed.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            bool fits = int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out int count);
            error = fits ? CountError(count) : $"a budget count must be at most {int.MaxValue} pairs.";
            budget = new(count, 0, percent: false);
        }
        else if (trimmed.EndsWith('%'))
        {
            bool read = TryParseReal(trimmed.AsSpan(0, trimmed.Length - 1).TrimEnd(), out double percent);
            error = read ? FractionError(percent / 100) : "it is not a percentage.";
            budget = new(0, percent / 100, percent: true);
        }
        else
        {
            bool read = TryParseReal(trimmed, out double fraction);
            error = read ? FractionError(fraction) : "it is not a number.";
            budget = new(0, fraction, percent: false);
        }
        if (error is null) return budget;
        throw new FormatException(
            $"the budget \"{text}\" is not valid: {error} Write a pair count such as \"5000\", " +
            "a percentage such as \"50%\", or a fraction of the corpus such as \"0.5\".");
    }

    /// <summary>
    /// The number of pairs to keep from a corpus of <paramref name="corpusSize"/> pairs: a count as it is,
    /// a fraction f as floor(f * <paramref name="corpusSize"/> + 1e-9).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The corpus is empty, the budget is larger than the corpus, or a fraction keeps no pair.
    /// </exception>
    /// <exception cref="InvalidOperationException">The budget is default(SelectionBudget), which is neither a count nor a fraction.</exception>
    public int Resolve(int corpusSize)
    {
        string? error = TryResolve(corpusSize, out int count);
        if (error is not null) throw new ArgumentException(error, nameof(corpusSize));
        return count;
    }

    /// <summary>Resolves against a corpus size; returns why not (and 0) when the budget cannot be met.</summary>
    internal string? TryResolve(int corpusSize, out int count)
    {
        if (!IsSet)
        {
            throw new InvalidOperationException(
                "the budget is not set: create it with SelectionBudget.Count, SelectionBudget.Fraction or SelectionBudget.Parse.");
        }
        count = 0;
        if (corpusSize <= 0) return "the corpus is empty: there is nothing to select from.";
        if (!IsFraction)
        {
            if (_count > corpusSize) return $"the budget of {_count} pairs is larger than the corpus of {corpusSize} pairs.";
            count = _count;
            return null;
        }
        count = (int)Math.Floor(_fraction * corpusSize + RoundingSlack);
        if (count < 1) return $"the budget of {this} of {corpusSize} pairs keeps no pair: raise the fraction or grow the corpus.";
        return null;
    }

    /// <summary>
    /// The budget in <see cref="Parse"/>'s notation: a count as a whole number; a fraction as a percentage
    /// or a decimal, as it was written, with the fewest digits that read back to the same value.
    /// </summary>
    public override string ToString()
    {
        if (!IsSet) return "(unset)";
        if (!IsFraction) return _count.ToString(CultureInfo.InvariantCulture);
        if (_percent && ShortestPercent() is { } percent) return percent;
        string decimalText = _fraction.ToString("R", CultureInfo.InvariantCulture);
        // "1" would read back as a count of one pair.
        return decimalText.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? decimalText + ".0" : decimalText;
    }

    /// <inheritdoc/>
    public bool Equals(SelectionBudget other) => _count == other._count && _fraction.Equals(other._fraction);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SelectionBudget other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_count, _fraction);

    /// <summary>Whether both budgets keep the same count or the same fraction.</summary>
    public static bool operator ==(SelectionBudget left, SelectionBudget right) => left.Equals(right);

    /// <summary>Whether the budgets differ.</summary>
    public static bool operator !=(SelectionBudget left, SelectionBudget right) => !left.Equals(right);

    private static string? CountError(int pairs) =>
        pairs >= 1 ? null : $"a budget count must be at least 1 pair, but it is {pairs}.";

    // Written so that NaN fails too.
    private static string? FractionError(double fraction) =>
        fraction > 0 && fraction <= 1 ? null : $"a budget fraction must be in (0, 1], but it is {SelectionText.Number(fraction)}.";

    private static bool TryParseReal(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private string? ShortestPercent()
    {
        double percent = _fraction * 100;
        // Fixed-point digits, never an exponent: "50%", "12.5%", "0.1%".
        for (int decimals = 0; decimals <= 20; decimals++)
        {
            string text = percent.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (TryParseReal(text, out double back) && back / 100 == _fraction) return text + "%";
        }
        return null;
    }
}
