using System.Text;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// A node input written as a template: literal text with <c>${ expression }</c> segments, e.g.
/// <c>run-${params.seed}-iter-${iteration.index}</c>. <c>$${</c> writes a literal <c>${</c>; escapes are read
/// left to right, so <c>$$${</c> is a '$' followed by an escaped <c>${</c>. Text that is exactly one segment
/// evaluates to the expression's own value (a number stays a number); any other text evaluates to a string.
/// </summary>
public sealed class Binding
{
    // Each part is a literal string or an Expression.
    private readonly object[] _parts;

    private Binding(object[] parts, IReadOnlyList<ReferencePath> references)
    {
        _parts = parts;
        References = references;
    }

    /// <summary>True when the text has no segments: it evaluates to itself, with escapes read.</summary>
    public bool IsLiteral => _parts.All(part => part is string);

    /// <summary>Every reference in every segment, in the order written, one entry per occurrence.</summary>
    public IReadOnlyList<ReferencePath> References { get; }

    /// <summary>Parses <paramref name="text"/> with the <see cref="Expression.DefaultRoots"/>.</summary>
    /// <exception cref="ExpressionException">
    /// A segment is not a valid expression or is not closed, or the text exceeds <see cref="ExpressionLimits"/>;
    /// positions are offsets in <paramref name="text"/>.
    /// </exception>
    public static Binding Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, ReferenceRoots.Default);
    }

    /// <summary>Parses <paramref name="text"/>; a reference must start with one of <paramref name="roots"/>.</summary>
    /// <exception cref="ArgumentException">A root is not an identifier, is true, false or null, or there is none.</exception>
    /// <exception cref="ExpressionException">
    /// A segment is not a valid expression or is not closed, or the text exceeds <see cref="ExpressionLimits"/>;
    /// positions are offsets in <paramref name="text"/>.
    /// </exception>
    public static Binding Parse(string text, IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text, ReferenceRoots.From(roots, nameof(roots)));
    }

    /// <summary>
    /// Evaluates the binding. A single segment gives its expression's value as <see cref="Expression.Evaluate"/> does;
    /// otherwise each segment's value is turned into text (numbers in the invariant culture and shortest round-trip
    /// form, booleans and null as in JSON, objects and arrays as compact JSON) and joined with the literal text.
    /// </summary>
    /// <exception cref="ExpressionException">A segment cannot be evaluated; the position is an offset in the binding's text.</exception>
    public JsonNode? Evaluate(IReferenceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        if (_parts is [Expression single]) return single.Evaluate(resolver);
        var text = new StringBuilder();
        foreach (object part in _parts)
        {
            text.Append(part is Expression expression ? expression.EvaluateToText(resolver) : (string)part);
        }
        return JsonValue.Create(text.ToString());
    }

    /// <summary>The canonical text: literal parts with <c>${</c> escaped, segments as <c>${expression}</c> in canonical form.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (object part in _parts)
        {
            if (part is Expression expression) text.Append("${").Append(expression).Append('}');
            else text.Append(((string)part).Replace("${", "$${", StringComparison.Ordinal));
        }
        return text.ToString();
    }

    private static Binding Parse(string text, ReferenceRoots roots)
    {
        Parser.CheckLength(text);
        var parts = new List<object>();
        var references = new List<ReferencePath>();
        var literal = new StringBuilder();
        int segments = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "$${", 0, 3) == 0)
            {
                literal.Append("${");
                i += 3;
            }
            else if (string.CompareOrdinal(text, i, "${", 0, 2) == 0)
            {
                if (++segments > ExpressionLimits.MaxSegments)
                {
                    throw new ExpressionException(i, $"a binding holds at most {ExpressionLimits.MaxSegments} '${{...}}' segments");
                }
                if (literal.Length > 0) parts.Add(literal.ToString());
                literal.Clear();
                Expression expression = Expression.ParseSegment(text, i, roots, out i);
                parts.Add(expression);
                references.AddRange(expression.References);
            }
            else
            {
                literal.Append(text[i]);
                i++;
            }
        }
        if (literal.Length > 0 || parts.Count == 0) parts.Add(literal.ToString());
        return new Binding([.. parts], references);
    }
}
