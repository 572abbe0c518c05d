namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// An expression or binding that cannot be parsed or evaluated. <see cref="Position"/> is the 0-based offset,
/// in the text given to Parse, of what is wrong: a token, the start of an operand, or the operator whose
/// operands do not fit. The message reads "at 12: unknown function 'exec'; allowed: ...".
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the error for <paramref name="reason"/> at <paramref name="position"/>.</summary>
    public ExpressionException(int position, string reason)
        : base($"at {position}: {reason}")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentNullException.ThrowIfNull(reason);
        Position = position;
        Reason = reason;
    }

    /// <summary>The 0-based offset in the parsed text where the problem is.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }
}
