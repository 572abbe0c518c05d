namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// The bounds that keep parsing and evaluation cheap whatever a workflow definition holds;
/// text past them is refused with an <see cref="ExpressionException"/>.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>The longest expression or binding text, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>
    /// The deepest nesting: of parentheses, call arguments and ternary branches while parsing, and of
    /// operators and calls in the parsed tree, so that a chain of more than 64 operators is refused too.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The most <c>${...}</c> segments in one binding.</summary>
    public const int MaxSegments = 256;
}
