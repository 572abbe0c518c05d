using System.Text;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// A binary operator. Two integers give an integer under + - * % (an overflow is an error); '/' always gives
/// a double; any double operand gives a double, which must stay finite.
/// </summary>
internal sealed class BinaryNode(TokenKind op, SyntaxNode left, SyntaxNode right, int position)
    : SyntaxNode(position, left.Start, Math.Max(left.Depth, right.Depth) + 1)
{
    public override int Precedence => PrecedenceOf(op);

    public static int PrecedenceOf(TokenKind op) => op switch
    {
        TokenKind.OrOr => Expressions.Precedence.Or,
        TokenKind.AndAnd => Expressions.Precedence.And,
        TokenKind.EqualEqual or TokenKind.BangEqual => Expressions.Precedence.Equality,
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual => Expressions.Precedence.Comparison,
        TokenKind.Plus or TokenKind.Minus => Expressions.Precedence.Additive,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => Expressions.Precedence.Multiplicative,
        _ => -1,
    };

    public static string Symbol(TokenKind op) => op switch
    {
        TokenKind.OrOr => "||",
        TokenKind.AndAnd => "&&",
        TokenKind.EqualEqual => "==",
        TokenKind.BangEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a binary operator"),
    };

    public override Value Evaluate(IReferenceResolver resolver)
    {
        if (op is TokenKind.AndAnd or TokenKind.OrOr) return EvaluateLogical(resolver);
        Value a = left.Evaluate(resolver);
        Value b = right.Evaluate(resolver);
        switch (op)
        {
            case TokenKind.EqualEqual:
                return Value.Of(a.EqualTo(b));
            case TokenKind.BangEqual:
                return Value.Of(!a.EqualTo(b));
            case TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual:
                int order = Compare(a, b);
                return Value.Of(op switch
                {
                    TokenKind.Less => order < 0,
                    TokenKind.LessEqual => order <= 0,
                    TokenKind.Greater => order > 0,
                    _ => order >= 0,
                });
            case TokenKind.Plus when a.Kind == ValueKind.String && b.Kind == ValueKind.String:
                return Value.Of(a.Text + b.Text);
            default:
                if (!a.IsNumber || !b.IsNumber) throw Mismatch(a, b);
                return a.Kind == ValueKind.Integer && b.Kind == ValueKind.Integer && op != TokenKind.Slash
                    ? Integer(a.Integer, b.Integer)
                    : Real(a.AsDouble, b.AsDouble);
        }
    }

    public override void Write(StringBuilder text)
    {
        WriteOperand(text, left, left.Precedence < Precedence);
        text.Append(' ').Append(Symbol(op)).Append(' ');
        // Left-associative: an equal-precedence right operand keeps its parentheses.
        WriteOperand(text, right, right.Precedence <= Precedence);
    }

    private Value EvaluateLogical(IReferenceResolver resolver)
    {
        Value a = left.Evaluate(resolver);
        RequireBoolean(a, left, "left");
        // Short-circuit: the right side is not evaluated when the left decides.
        if (a.Boolean == (op == TokenKind.OrOr)) return a;
        Value b = right.Evaluate(resolver);
        RequireBoolean(b, right, "right");
        return b;
    }

    private void RequireBoolean(Value value, SyntaxNode operand, string side)
    {
        if (value.Kind != ValueKind.Boolean)
        {
            throw new ExpressionException(operand.Start, $"'{Symbol(op)}' needs booleans, but its {side} side is {value.Describe()}");
        }
    }

    private int Compare(Value a, Value b)
    {
        if (a.IsNumber && b.IsNumber) return Value.CompareNumbers(a, b);
        if (a.Kind == ValueKind.String && b.Kind == ValueKind.String) return string.CompareOrdinal(a.Text, b.Text);
        throw new ExpressionException(Position,
            $"cannot compare {a.Describe()} and {b.Describe()} with '{Symbol(op)}'; only two numbers or two strings compare");
    }

    private ExpressionException Mismatch(Value a, Value b)
    {
        string pair = $"{a.Describe()} and {b.Describe()}";
        return new ExpressionException(Position, op switch
        {
            TokenKind.Plus => $"cannot add {pair}; '+' adds two numbers or joins two strings",
            TokenKind.Minus => $"cannot subtract {pair}; '-' needs two numbers",
            TokenKind.Star => $"cannot multiply {pair}; '*' needs two numbers",
            TokenKind.Slash => $"cannot divide {pair}; '/' needs two numbers",
            _ => $"cannot take the remainder of {pair}; '%' needs two numbers",
        });
    }

    private Value Integer(long a, long b)
    {
        if (op == TokenKind.Percent && b == 0) throw new ExpressionException(Position, "modulo by zero");
        try
        {
            return Value.Of(op switch
            {
                TokenKind.Plus => checked(a + b),
                TokenKind.Minus => checked(a - b),
                TokenKind.Star => checked(a * b),
                // long.MinValue % -1 overflows in .NET although the remainder is 0.
                _ => b == -1 ? 0 : a % b,
            });
        }
        catch (OverflowException)
        {
            throw new ExpressionException(Position, $"the result of '{Symbol(op)}' does not fit in a 64-bit integer");
        }
    }

    private Value Real(double a, double b)
    {
        if (b == 0 && op == TokenKind.Slash) throw new ExpressionException(Position, "division by zero");
        if (b == 0 && op == TokenKind.Percent) throw new ExpressionException(Position, "modulo by zero");
        double result = op switch
        {
            TokenKind.Plus => a + b,
            TokenKind.Minus => a - b,
            TokenKind.Star => a * b,
            TokenKind.Slash => a / b,
            _ => a % b,
        };
        if (!double.IsFinite(result)) throw new ExpressionException(Position, $"the result of '{Symbol(op)}' is too large for a number");
        return Value.Of(result);
    }
}
