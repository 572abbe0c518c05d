using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PrefFlow.Workflows.Expressions;

/// <summary>Binding strength, weakest first; used to parse and to print only the parentheses that are needed.</summary>
internal static class Precedence
{
    public const int Ternary = 0;
    public const int Or = 1;
    public const int And = 2;
    public const int Equality = 3;
    public const int Comparison = 4;
    public const int Additive = 5;
    public const int Multiplicative = 6;
    public const int Unary = 7;
    public const int Primary = 8;
}

/// <summary>
/// A node of a parsed expression. The tree is at most <see cref="ExpressionLimits.MaxDepth"/> deep, which
/// bounds the recursion of evaluation and printing.
/// </summary>
internal abstract class SyntaxNode
{
    protected SyntaxNode(int position, int start, int depth)
    {
        Position = position;
        Start = start;
        Depth = depth;
    }

    /// <summary>Where errors about this node point: the operator for operators, the start otherwise.</summary>
    public int Position { get; }

    /// <summary>Where the node's text starts.</summary>
    public int Start { get; }

    /// <summary>1 for a literal or a reference; one more than the deepest child otherwise.</summary>
    public int Depth { get; }

    public abstract int Precedence { get; }

    public abstract Value Evaluate(IReferenceResolver resolver);

    /// <summary>Writes the canonical text: single spaces around binary operators, only the parentheses needed.</summary>
    public abstract void Write(StringBuilder text);

    protected static void WriteOperand(StringBuilder text, SyntaxNode operand, bool parenthesize)
    {
        if (parenthesize) text.Append('(');
        operand.Write(text);
        if (parenthesize) text.Append(')');
    }
}

internal sealed class LiteralNode(Value value, int position) : SyntaxNode(position, position, 1)
{
    public override int Precedence => Expressions.Precedence.Primary;

    public override Value Evaluate(IReferenceResolver resolver) => value;

    public override void Write(StringBuilder text)
    {
        switch (value.Kind)
        {
            case ValueKind.String:
                text.Append(Lexer.Quote(value.Text));
                break;
            case ValueKind.Real:
                string real = value.Real.ToString("R", CultureInfo.InvariantCulture);
                // 2.0 must not read back as the integer 2.
                text.Append(real).Append(real.AsSpan().IndexOfAny('.', 'E') < 0 ? ".0" : "");
                break;
            default:
                text.Append(value.ToText());
                break;
        }
    }
}

internal sealed class ReferenceNode(ReferencePath path) : SyntaxNode(path.Position, path.Position, 1)
{
    public override int Precedence => Expressions.Precedence.Primary;

    public override Value Evaluate(IReferenceResolver resolver)
    {
        for (int count = path.Segments.Count; count >= 1; count--)
        {
            ReferencePath prefix = path.Prefix(count);
            if (resolver.TryResolve(prefix, out var node)) return Value.FromNode(Members(prefix, node), path);
        }
        throw new ExpressionException(path.Position, $"unknown reference '{path}': nothing resolves it");
    }

    public override void Write(StringBuilder text) => text.Append(path);

    // Reads the segments after a resolved prefix as members of objects.
    private JsonNode? Members(ReferencePath prefix, JsonNode? node)
    {
        for (int i = prefix.Segments.Count; i < path.Segments.Count; i++)
        {
            string member = path.Segments[i];
            if (node is not JsonObject obj)
            {
                string what = Value.FromNode(node, path).Describe();
                throw new ExpressionException(path.Position, $"'{path.Prefix(i)}' is {what}, which has no member '{member}'");
            }
            if (!obj.TryGetPropertyValue(member, out node))
            {
                throw new ExpressionException(path.Position, $"'{path.Prefix(i)}' has no member '{member}'");
            }
        }
        return node;
    }
}

internal sealed class UnaryNode(TokenKind op, SyntaxNode operand, int position)
    : SyntaxNode(position, position, operand.Depth + 1)
{
    public override int Precedence => Expressions.Precedence.Unary;

    public override Value Evaluate(IReferenceResolver resolver)
    {
        Value value = operand.Evaluate(resolver);
        if (op == TokenKind.Bang)
        {
            if (value.Kind != ValueKind.Boolean) throw new ExpressionException(Position, $"cannot apply '!' to {value.Describe()}; it needs a boolean");
            return Value.Of(!value.Boolean);
        }
        return value.Kind switch
        {
            ValueKind.Integer when value.Integer == long.MinValue =>
                throw new ExpressionException(Position, "the result of '-' does not fit in a 64-bit integer"),
            ValueKind.Integer => Value.Of(-value.Integer),
            ValueKind.Real => Value.Of(-value.Real),
            _ => throw new ExpressionException(Position, $"cannot negate {value.Describe()}; '-' needs a number"),
        };
    }

    public override void Write(StringBuilder text)
    {
        text.Append(op == TokenKind.Bang ? '!' : '-');
        WriteOperand(text, operand, operand.Precedence < Precedence);
    }
}

internal sealed class TernaryNode(SyntaxNode condition, SyntaxNode whenTrue, SyntaxNode whenFalse, int position)
    : SyntaxNode(position, condition.Start, Math.Max(condition.Depth, Math.Max(whenTrue.Depth, whenFalse.Depth)) + 1)
{
    public override int Precedence => Expressions.Precedence.Ternary;

    public override Value Evaluate(IReferenceResolver resolver)
    {
        Value test = condition.Evaluate(resolver);
        if (test.Kind != ValueKind.Boolean)
        {
            throw new ExpressionException(condition.Start, $"the condition before '?' must be a boolean, but it is {test.Describe()}");
        }
        return (test.Boolean ? whenTrue : whenFalse).Evaluate(resolver);
    }

    public override void Write(StringBuilder text)
    {
        WriteOperand(text, condition, condition.Precedence <= Precedence);
        text.Append(" ? ");
        whenTrue.Write(text);
        text.Append(" : ");
        whenFalse.Write(text);
    }
}

internal sealed class CallNode(string name, SyntaxNode[] arguments, int position)
    : SyntaxNode(position, position, arguments.Max(a => a.Depth) + 1)
{
    public override int Precedence => Expressions.Precedence.Primary;

    public override Value Evaluate(IReferenceResolver resolver)
    {
        var values = new Value[arguments.Length];
        for (int i = 0; i < arguments.Length; i++) values[i] = arguments[i].Evaluate(resolver);
        return Functions.Invoke(name, values, arguments, Position);
    }

    public override void Write(StringBuilder text)
    {
        text.Append(name).Append('(');
        for (int i = 0; i < arguments.Length; i++)
        {
            if (i > 0) text.Append(", ");
            arguments[i].Write(text);
        }
        text.Append(')');
    }
}
