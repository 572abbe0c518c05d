using System.Globalization;

namespace PrefFlow.Workflows.Expressions;

/// <summary>
/// The whitelisted functions. Results stay integers where they are integral: floor, ceil, round and int give
/// integers; abs, min and max keep the kind of the value they return.
/// </summary>
internal static class Functions
{
    public const string Allowed = "min, max, floor, ceil, round, abs, int, len, str";

    /// <summary>The number of arguments <paramref name="name"/> takes; false for a name that is not a function.</summary>
    public static bool TryGetArity(string name, out int min, out int max)
    {
        (min, max) = name switch
        {
            "min" or "max" => (2, int.MaxValue),
            "floor" or "ceil" or "round" or "abs" or "int" or "len" or "str" => (1, 1),
            _ => (0, -1),
        };
        return max >= 0;
    }

    /// <summary>Why <paramref name="count"/> arguments do not fit <paramref name="name"/>; null when they do.</summary>
    public static string? ArityError(string name, int count)
    {
        TryGetArity(name, out int min, out int max);
        string given = count == 1 ? "1 was given" : $"{count} were given";
        if (min == max && count != min) return $"{name} takes {min} argument{(min == 1 ? "" : "s")}, but {given}";
        if (count < min) return $"{name} takes at least {min} arguments, but {given}";
        return null;
    }

    public static Value Invoke(string name, Value[] args, SyntaxNode[] nodes, int position)
    {
        switch (name)
        {
            case "min" or "max":
                int sign = name == "min" ? -1 : 1;
                Value best = RequireNumber(name, args, nodes, 0);
                for (int i = 1; i < args.Length; i++)
                {
                    Value candidate = RequireNumber(name, args, nodes, i);
                    // Ties keep the earlier argument.
                    if (Math.Sign(Value.CompareNumbers(candidate, best)) == sign) best = candidate;
                }
                return best;
            case "floor" or "ceil" or "round" or "int":
                Value x = name == "int" && args[0].Kind == ValueKind.String
                    ? ReadNumber(args[0].Text, nodes[0])
                    : RequireNumber(name, args, nodes, 0);
                if (x.Kind == ValueKind.Integer) return x;
                double whole = name switch
                {
                    "floor" => Math.Floor(x.Real),
                    "ceil" => Math.Ceiling(x.Real),
                    "round" => Math.Round(x.Real, MidpointRounding.AwayFromZero),
                    _ => Math.Truncate(x.Real),
                };
                // 2^63 is exact in doubles; everything in [-2^63, 2^63) fits a long.
                if (whole >= -9.2233720368547758E18 && whole < 9.2233720368547758E18) return Value.Of((long)whole);
                throw new ExpressionException(position, $"{name} of {x.ToText()} does not fit in a 64-bit integer");
            case "abs":
                Value n = RequireNumber(name, args, nodes, 0);
                if (n.Kind == ValueKind.Real) return Value.Of(Math.Abs(n.Real));
                if (n.Integer == long.MinValue) throw new ExpressionException(position, "abs of the smallest integer does not fit in a 64-bit integer");
                return Value.Of(Math.Abs(n.Integer));
            case "len":
                return args[0].Kind switch
                {
                    // Characters are Unicode scalar values: an emoji counts once.
                    ValueKind.String => Value.Of((long)args[0].Text.EnumerateRunes().Count()),
                    ValueKind.Node when args[0].Node is System.Text.Json.Nodes.JsonArray array => Value.Of((long)array.Count),
                    _ => throw new ExpressionException(nodes[0].Start, $"len needs a string or an array, but argument 1 is {args[0].Describe()}"),
                };
            default:
                return Value.Of(args[0].ToText());
        }
    }

    private static Value RequireNumber(string name, Value[] args, SyntaxNode[] nodes, int index)
    {
        if (args[index].IsNumber) return args[index];
        throw new ExpressionException(nodes[index].Start, $"{name} needs numbers, but argument {index + 1} is {args[index].Describe()}");
    }

    private static Value ReadNumber(string text, SyntaxNode node)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)) return Value.Of(integer);
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real)) return Value.Of(real);
        throw new ExpressionException(node.Start, $"int cannot read {Lexer.Quote(text)} as a number");
    }
}
