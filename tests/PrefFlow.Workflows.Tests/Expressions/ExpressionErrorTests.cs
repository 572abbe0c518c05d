using System.Text.Json.Nodes;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

public class ExpressionErrorTests
{
    private readonly RootResolver _resolver = RootResolver.CreateSample();

    [Theory]
    [InlineData("exec(1)", 0, "unknown function 'exec'; allowed: min, max, floor, ceil, round, abs, int, len, str")]
    [InlineData("1 + system('rm')", 4, "unknown function 'system'; allowed: min, max, floor, ceil, round, abs, int, len, str")]
    [InlineData("params(1)", 0, "unknown function 'params'; allowed: min, max, floor, ceil, round, abs, int, len, str")]
    [InlineData("foo.bar", 0, "unknown name 'foo'; a reference starts with one of: params, iteration, nodes, run")]
    [InlineData("1 + Params.lr", 4, "unknown name 'Params'; a reference starts with one of: params, iteration, nodes, run")]
    [InlineData("", 0, "the expression is empty")]
    [InlineData("   ", 0, "the expression is empty")]
    [InlineData("1 +", 3, "expected a value, found the end of the expression")]
    [InlineData("1 + * 2", 4, "expected a value, found '*'")]
    [InlineData("(1 + 2", 6, "expected ')' to close the '(' at 0, found the end of the expression")]
    [InlineData("1 2", 2, "unexpected '2' after the expression")]
    [InlineData("1 + 2)", 5, "unexpected ')' after the expression")]
    [InlineData("(params).lr", 8, "unexpected '.' after the expression")]
    [InlineData("1 ? 2", 5, "expected ':' for the '?' at 2, found the end of the expression")]
    [InlineData("max(1, 2", 8, "expected ',' or ')' to close the '(' at 3, found the end of the expression")]
    [InlineData("floor(1, 2)", 0, "floor takes 1 argument, but 2 were given")]
    [InlineData("str()", 0, "str takes 1 argument, but 0 were given")]
    [InlineData("min(1)", 0, "min takes at least 2 arguments, but 1 was given")]
    [InlineData("params.", 7, "expected a member name after '.', found the end of the expression; write other names as ['name']")]
    [InlineData("params.corpus-select", 14, "unknown name 'select'; a reference starts with one of: params, iteration, nodes, run")]
    [InlineData("params[1]", 7, "expected a quoted name in brackets, as in ['corpus-select'], found '1'")]
    [InlineData("params['']", 7, "a member name in brackets must not be empty")]
    [InlineData("params['a'", 10, "expected ']' after the member name, found the end of the expression")]
    [InlineData("'abc", 0, "the string has no closing '")]
    [InlineData("\"abc'", 0, "the string has no closing \"")]
    [InlineData("'abc\\", 0, "the string has no closing '")]
    [InlineData("'a\\qb'", 2, "unknown escape '\\q'; use \\\\, \\', \\\", \\n, \\r, \\t or \\uXXXX")]
    [InlineData("'\\u12'", 1, "the escape \\u needs four hex digits, as in \\u00e9")]
    [InlineData("1 = 2", 2, "unexpected '='; compare with '=='")]
    [InlineData("true & false", 5, "unexpected '&'; the 'and' operator is '&&'")]
    [InlineData("true | false", 5, "unexpected '|'; the 'or' operator is '||'")]
    [InlineData("1 # 2", 2, "unexpected character '#'")]
    [InlineData("${x}", 0, "unexpected character '$'")]
    [InlineData("{1}", 0, "unexpected character '{'")]
    [InlineData("1 }", 2, "unexpected character '}'")]
    [InlineData("1\u00a0+ 2", 1, "unexpected character U+00A0")]
    [InlineData("1e", 1, "a number's exponent needs digits, as in 1e-3")]
    [InlineData("1e+x", 1, "a number's exponent needs digits, as in 1e-3")]
    [InlineData("12abc", 0, "invalid number: '12' is followed by 'a'")]
    [InlineData("1.5x", 0, "invalid number: '1.5' is followed by 'x'")]
    [InlineData("1.x", 1, "unexpected '.' after the expression")]
    [InlineData("99999999999999999999", 0, "the integer 99999999999999999999 is too large; integers are at most 9223372036854775807")]
    [InlineData("1e999", 0, "the number 1e999 is too large")]
    public void Parse_errors_name_the_position_and_the_reason(string source, int position, string reason)
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(source));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
        Assert.Equal($"at {position}: {reason}", error.Message);
    }

    [Fact]
    public void Custom_roots_are_the_ones_an_unknown_root_error_lists()
    {
        var error = Assert.Throws<ExpressionException>(() => Expression.Parse("params.x", ["inputs", "env"]));

        Assert.Equal("unknown name 'params'; a reference starts with one of: inputs, env", error.Reason);
    }

    [Theory]
    [InlineData("'a' + 1", 4, "cannot add a string and a number; '+' adds two numbers or joins two strings")]
    [InlineData("params.name + params.seed", 12, "cannot add a string and a number; '+' adds two numbers or joins two strings")]
    [InlineData("1 + true", 2, "cannot add a number and a boolean; '+' adds two numbers or joins two strings")]
    [InlineData("params.tags + 1", 12, "cannot add an array and a number; '+' adds two numbers or joins two strings")]
    [InlineData("null + 1", 5, "cannot add null and a number; '+' adds two numbers or joins two strings")]
    [InlineData("'a' - 'b'", 4, "cannot subtract a string and a string; '-' needs two numbers")]
    [InlineData("2 * nodes.train", 2, "cannot multiply a number and an object; '*' needs two numbers")]
    [InlineData("'6' / 2", 4, "cannot divide a string and a number; '/' needs two numbers")]
    [InlineData("5 % false", 2, "cannot take the remainder of a number and a boolean; '%' needs two numbers")]
    [InlineData("1 / 0", 2, "division by zero")]
    [InlineData("1.5 / 0.0", 4, "division by zero")]
    [InlineData("1 + 7 / (3 - 3)", 6, "division by zero")]
    [InlineData("5 % 0", 2, "modulo by zero")]
    [InlineData("5.5 % 0", 4, "modulo by zero")]
    [InlineData("9223372036854775807 + 1", 20, "the result of '+' does not fit in a 64-bit integer")]
    [InlineData("-9223372036854775807 - 2", 21, "the result of '-' does not fit in a 64-bit integer")]
    [InlineData("4611686018427387904 * 2", 20, "the result of '*' does not fit in a 64-bit integer")]
    [InlineData("-(-9223372036854775807 - 1)", 0, "the result of '-' does not fit in a 64-bit integer")]
    [InlineData("1e308 * 10", 6, "the result of '*' is too large for a number")]
    [InlineData("1 < 'a'", 2, "cannot compare a number and a string with '<'; only two numbers or two strings compare")]
    [InlineData("true >= false", 5, "cannot compare a boolean and a boolean with '>='; only two numbers or two strings compare")]
    [InlineData("null > 1", 5, "cannot compare null and a number with '>'; only two numbers or two strings compare")]
    [InlineData("-'a'", 0, "cannot negate a string; '-' needs a number")]
    [InlineData("!1", 0, "cannot apply '!' to a number; it needs a boolean")]
    [InlineData("1 && true", 0, "'&&' needs booleans, but its left side is a number")]
    [InlineData("false || 'x'", 9, "'||' needs booleans, but its right side is a string")]
    [InlineData("true && params.seed", 8, "'&&' needs booleans, but its right side is a number")]
    [InlineData("1 ? 2 : 3", 0, "the condition before '?' must be a boolean, but it is a number")]
    [InlineData("params.nothing ? 2 : 3", 0, "the condition before '?' must be a boolean, but it is null")]
    [InlineData("len(5)", 4, "len needs a string or an array, but argument 1 is a number")]
    [InlineData("len(nodes)", 4, "len needs a string or an array, but argument 1 is an object")]
    [InlineData("min(1, 'a')", 7, "min needs numbers, but argument 2 is a string")]
    [InlineData("floor(true)", 6, "floor needs numbers, but argument 1 is a boolean")]
    [InlineData("abs(null)", 4, "abs needs numbers, but argument 1 is null")]
    [InlineData("int('abc')", 4, "int cannot read 'abc' as a number")]
    [InlineData("int('Infinity')", 4, "int cannot read 'Infinity' as a number")]
    [InlineData("floor(1e300)", 0, "floor of 1E+300 does not fit in a 64-bit integer")]
    [InlineData("round(-1e19)", 0, "round of -1E+19 does not fit in a 64-bit integer")]
    [InlineData("abs(-9223372036854775807 - 1)", 0, "abs of the smallest integer does not fit in a 64-bit integer")]
    [InlineData("params.missing", 0, "'params' has no member 'missing'")]
    [InlineData("1 + nodes.nope.outputs", 4, "'nodes' has no member 'nope'")]
    [InlineData("iteration.previous.nodes.eval.outputs", 0, "'iteration.previous.nodes' has no member 'eval'")]
    [InlineData("params.seed.x", 0, "'params.seed' is a number, which has no member 'x'")]
    [InlineData("params.tags.x", 0, "'params.tags' is an array, which has no member 'x'")]
    [InlineData("params.nothing.x", 0, "'params.nothing' is null, which has no member 'x'")]
    [InlineData("nodes['corpus-select'].inputs", 0, "'nodes['corpus-select']' has no member 'inputs'")]
    public void Evaluation_errors_name_the_position_of_the_offending_part(string source, int position, string reason)
    {
        Expression expression = Expression.Parse(source);

        var error = Assert.Throws<ExpressionException>(() => expression.Evaluate(_resolver));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void An_unresolvable_reference_is_an_evaluation_error()
    {
        Expression expression = Expression.Parse("1 + run.id");

        var error = Assert.Throws<ExpressionException>(() => expression.Evaluate(new PathResolver([])));

        Assert.Equal("unknown reference 'run.id': nothing resolves it", error.Reason);
        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void A_resolved_number_that_is_not_finite_is_an_error()
    {
        var resolver = new PathResolver(new() { ["params.x"] = JsonValue.Create(double.NaN) });

        var error = Assert.Throws<ExpressionException>(() => Expression.Parse("2 * params.x").Evaluate(resolver));

        Assert.Equal("'params.x' is NaN, not a finite number", error.Reason);
        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void Short_circuits_skip_errors_on_the_side_not_taken()
    {
        Assert.Equal(1, Expression.Parse("true ? 1 : 1 / 0").Evaluate(_resolver)!.GetValue<long>());
        Assert.False(Expression.Parse("false && 'not a boolean'").Evaluate(_resolver)!.GetValue<bool>());
        Assert.True(Expression.Parse("true || params.missing").Evaluate(_resolver)!.GetValue<bool>());
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Expression.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => Expression.Parse("1").Evaluate(null!));
        Assert.Throws<ArgumentNullException>(() => Binding.Parse(null!));
    }
}
