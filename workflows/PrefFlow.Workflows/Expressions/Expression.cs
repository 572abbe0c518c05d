using System.Text;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// A parsed expression of the safe binding language: literals, references such as
/// <c>nodes.train.outputs.checkpoint</c>, arithmetic, comparison and logical operators, the ternary ?:
/// and a fixed set of functions (min, max, floor, ceil, round, abs, int, len, str). Evaluating one reads
/// references through an <see cref="IReferenceResolver"/> and does nothing else: no code runs, no I/O
/// happens, and evaluation always ends.
/// </summary>
public sealed class Expression
{
    private readonly SyntaxNode _root;

    private Expression(SyntaxNode root, IReadOnlyList<ReferencePath> references)
    {
        _root = root;
        References = references;
    }

    /// <summary>The roots a reference may start with unless the caller gives others: params, iteration, nodes, run.</summary>
    public static IReadOnlyList<string> DefaultRoots => ReferenceRoots.Default.Names;

    /// <summary>
    /// Every reference in the expression, in the order written, one entry per occurrence (a path used twice
    /// appears twice, with each position).
    /// </summary>
    public IReadOnlyList<ReferencePath> References { get; }

    /// <summary>Parses <paramref name="source"/> with the <see cref="DefaultRoots"/>.</summary>
    /// <exception cref="ExpressionException">The source is not a valid expression, or exceeds <see cref="ExpressionLimits"/>.</exception>
    public static Expression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Parse(source, ReferenceRoots.Default);
    }

    /// <summary>Parses <paramref name="source"/>; a reference must start with one of <paramref name="roots"/>.</summary>
    /// <exception cref="ArgumentException">A root is not an identifier, is true, false or null, or there is none.</exception>
    /// <exception cref="ExpressionException">The source is not a valid expression, or exceeds <see cref="ExpressionLimits"/>.</exception>
    public static Expression Parse(string source, IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Parse(source, ReferenceRoots.From(roots, nameof(roots)));
    }

    /// <summary>
    /// Evaluates the expression: a number (an integer as a long, otherwise a double), a string, a boolean, null,
    /// or an object or array exactly as the resolver returned it.
    /// </summary>
    /// <exception cref="ExpressionException">
    /// A reference cannot be resolved or lacks a member, operands have the wrong types, a division or modulo is by
    /// zero, or a result overflows; <see cref="ExpressionException.Position"/> points at the sub-expression at fault.
    /// </exception>
    public JsonNode? Evaluate(IReferenceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return _root.Evaluate(resolver).ToNode();
    }

    /// <summary>
    /// The canonical text: single spaces around binary operators, only the parentheses the precedence needs,
    /// strings in single quotes, references as <see cref="ReferencePath.ToString"/>. It parses back to the same text,
    /// though it can be longer than the source.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        _root.Write(text);
        return text.ToString();
    }

    internal static Expression Parse(string source, ReferenceRoots roots)
    {
        var (root, references) = Parser.ParseExpression(source, roots);
        return new Expression(root, references);
    }

    internal static Expression ParseSegment(string text, int open, ReferenceRoots roots, out int end)
    {
        var (root, references) = Parser.ParseSegment(text, open, roots, out end);
        return new Expression(root, references);
    }

    internal string EvaluateToText(IReferenceResolver resolver) => _root.Evaluate(resolver).ToText();
}
