using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

public class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "params", "iteration", "nodes", "run", "foo", "lr", "x", ".", "['a-b']", "[\"q\"]", "[", "]", "[1]",
        "(", "(", ")", ")", ",", "?", ":", "+", "-", "*", "/", "%", "!", "<", "<=", ">", ">=", "==", "!=",
        "&&", "||", "=", "&", "|", "0", "1", "2", "42", "2.5", "0.5", "1e3", "1e", "1.", "9223372036854775807",
        "99999999999999999999", "'s'", "\"t\"", "''", "'\\n'", "'\\u00e9'", "'\\q'", "'open", "\\", "true", "false",
        "null", "min", "max", "floor", "ceil", "round", "abs", "int", "len", "str", "exec", " ", " ", "}", "{", "${",
        "#", "é", "\t",
    ];

    private static readonly string[] BindingTokens =
    [
        "${", "${", "$${", "}", "$", "{", "run-", "-iter-", " ", "params.seed", "iteration.index", "+", "1", "'}'", "'",
        "nodes['a-b'].outputs", "max(1, 2)", "exec(", ")", "(", "?", ":", "true",
    ];

    [Fact]
    public void Random_token_strings_parse_or_fail_with_an_expression_exception()
    {
        var random = new Random(20261123);
        var resolver = new EverythingResolver();
        int parsed = 0, refused = 0, evaluated = 0;
        var clock = Stopwatch.StartNew();

        for (int i = 0; i < 6000; i++)
        {
            // Half are token soup; half are well-formed expressions, some of them then damaged.
            string source = random.Next(2) == 0 ? RandomText(random, Tokens, random.Next(1, 24)) : Mutate(random, RandomExpression(random, 4));
            Expression expression;
            try
            {
                expression = Expression.Parse(source);
            }
            catch (ExpressionException error)
            {
                Assert.InRange(error.Position, 0, source.Length);
                Assert.False(string.IsNullOrWhiteSpace(error.Reason));
                refused++;
                continue;
            }
            parsed++;
            string canonical = expression.ToString();
            Expression again = Expression.Parse(canonical);
            Assert.Equal(canonical, again.ToString());
            Assert.Equal(expression.References, again.References);
            try
            {
                expression.Evaluate(resolver);
                evaluated++;
            }
            catch (ExpressionException error)
            {
                Assert.InRange(error.Position, 0, source.Length);
            }
        }

        // The generator must exercise both outcomes, or the test proves little.
        Assert.True(parsed > 300, $"only {parsed} of 6000 parsed");
        Assert.True(refused > 300, $"only {refused} of 6000 were refused");
        Assert.True(evaluated > 100, $"only {evaluated} evaluated");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Random_characters_parse_or_fail_with_an_expression_exception()
    {
        var random = new Random(7);
        const string alphabet = "abnprstu_019.,()[]{}$'\"\\+-*/%!<>=&|?: \te";
        int parsed = 0;

        for (int i = 0; i < 6000; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 30);
            for (int c = 0; c < length; c++) text.Append(alphabet[random.Next(alphabet.Length)]);
            string source = text.ToString();
            try
            {
                string canonical = Expression.Parse(source).ToString();
                Assert.Equal(canonical, Expression.Parse(canonical).ToString());
                parsed++;
            }
            catch (ExpressionException error)
            {
                Assert.InRange(error.Position, 0, source.Length);
            }
            try
            {
                string canonical = Binding.Parse(source).ToString();
                Assert.Equal(canonical, Binding.Parse(canonical).ToString());
            }
            catch (ExpressionException error)
            {
                Assert.InRange(error.Position, 0, source.Length);
            }
        }

        Assert.True(parsed > 10, $"only {parsed} of 6000 parsed");
    }

    [Fact]
    public void Random_bindings_parse_or_fail_with_an_expression_exception()
    {
        var random = new Random(99);
        var resolver = new EverythingResolver();
        int parsed = 0, refused = 0, interpolated = 0;

        for (int i = 0; i < 6000; i++)
        {
            string text = RandomText(random, BindingTokens, random.Next(0, 16));
            Binding binding;
            try
            {
                binding = Binding.Parse(text);
            }
            catch (ExpressionException error)
            {
                Assert.InRange(error.Position, 0, text.Length);
                refused++;
                continue;
            }
            parsed++;
            string canonical = binding.ToString();
            Binding again = Binding.Parse(canonical);
            Assert.Equal(canonical, again.ToString());
            Assert.Equal(binding.IsLiteral, again.IsLiteral);
            Assert.Equal(binding.References, again.References);
            try
            {
                if (binding.Evaluate(resolver) is JsonValue value && value.TryGetValue(out string? _)) interpolated++;
            }
            catch (ExpressionException error)
            {
                Assert.InRange(error.Position, 0, text.Length);
            }
        }

        Assert.True(parsed > 300, $"only {parsed} of 6000 parsed");
        Assert.True(refused > 300, $"only {refused} of 6000 were refused");
        Assert.True(interpolated > 100, $"only {interpolated} gave text");
    }

    private static readonly string[] Atoms =
    [
        "1", "42", "0", "2.5", "1e3", "'s'", "\"t\"", "true", "false", "null", "params.lr", "iteration.index",
        "nodes['a-b'].outputs.x", "run.id", "params['x y']", "9223372036854775807",
    ];

    private static readonly string[] BinaryOperators = ["+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!=", "&&", "||"];

    private static readonly string[] Calls = ["min", "max", "floor", "ceil", "round", "abs", "int", "len", "str"];

    private static string RandomExpression(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0) return Atoms[random.Next(Atoms.Length)];
        return random.Next(5) switch
        {
            0 or 1 => $"{RandomExpression(random, depth - 1)} {BinaryOperators[random.Next(BinaryOperators.Length)]} {RandomExpression(random, depth - 1)}",
            2 => (random.Next(2) == 0 ? "-" : "!") + RandomExpression(random, depth - 1),
            3 => random.Next(2) == 0
                ? $"({RandomExpression(random, depth - 1)})"
                : $"{RandomExpression(random, depth - 1)} ? {RandomExpression(random, depth - 1)} : {RandomExpression(random, depth - 1)}",
            _ => RandomCall(random, depth - 1),
        };
    }

    private static string RandomCall(Random random, int depth)
    {
        string name = Calls[random.Next(Calls.Length)];
        int count = name is "min" or "max" ? random.Next(2, 4) : 1;
        return name + "(" + string.Join(", ", Enumerable.Range(0, count).Select(_ => RandomExpression(random, depth))) + ")";
    }

    // Inserts tokens into, or cuts characters out of, a well-formed expression; leaves some untouched.
    private static string Mutate(Random random, string source)
    {
        var text = new StringBuilder(source);
        int mutations = random.Next(-2, 3);
        for (int i = 0; i < mutations; i++)
        {
            int at = random.Next(text.Length + 1);
            if (random.Next(2) == 0) text.Insert(at, Tokens[random.Next(Tokens.Length)]);
            else if (at < text.Length) text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
        }
        return text.ToString();
    }

    private static string RandomText(Random random, string[] tokens, int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(tokens[random.Next(tokens.Length)]);
            // Sometimes glue tokens together, so the lexer sees merged forms such as "1e3x" or "!==".
            if (random.Next(3) == 0) text.Append(' ');
        }
        return text.ToString();
    }

    /// <summary>Resolves every path, to a value picked by its length: a number, a string, a boolean or an object.</summary>
    private sealed class EverythingResolver : IReferenceResolver
    {
        public bool TryResolve(ReferencePath path, out JsonNode? value)
        {
            value = (path.Segments.Count % 5) switch
            {
                0 => JsonValue.Create(3),
                1 => JsonValue.Create(2.5),
                2 => JsonValue.Create("text"),
                3 => JsonValue.Create(true),
                _ => new JsonObject { ["k"] = 1 },
            };
            return true;
        }
    }
}
