using System.Text.Json.Nodes;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

public class ExpressionEvaluationTests
{
    private readonly RootResolver _resolver = RootResolver.CreateSample();

    private JsonNode? Evaluate(string source) => Expression.Parse(source).Evaluate(_resolver);

    [Theory]
    [InlineData("42", 42)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("007", 7)]
    [InlineData("1 + 2", 3)]
    [InlineData("7 - 10", -3)]
    [InlineData("6 * 7", 42)]
    [InlineData("7 % 3", 1)]
    [InlineData("-7 % 3", -1)]
    [InlineData("(-9223372036854775807 - 1) % -1", 0)]
    [InlineData("-2 * 3", -6)]
    [InlineData("--5", 5)]
    [InlineData("- -5", 5)]
    [InlineData("2 + 3 * 4", 14)]
    [InlineData("(2 + 3) * 4", 20)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("10 - (4 - 3)", 9)]
    [InlineData("2 * 3 % 4", 2)]
    [InlineData("2 * (3 % 4)", 6)]
    [InlineData("20 % 7 * 2", 12)]
    [InlineData("1 - 2 + 3", 2)]
    [InlineData("-(2 + 3)", -5)]
    [InlineData("true ? 1 : 2 + 10", 1)]
    [InlineData("false ? 1 : 2 + 10", 12)]
    [InlineData("false ? 1 : true ? 2 : 3", 2)]
    [InlineData("true ? false ? 1 : 2 : 3", 2)]
    [InlineData("iteration.index + 1", 3)]
    [InlineData("iteration.budget", 10)]
    [InlineData("params.seed", 42)]
    [InlineData("max(1, floor(iteration.budget * params.keep))", 2)]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("min(1, 2.5)", 1)]
    [InlineData("max(-1, -2.5)", -1)]
    [InlineData("floor(2.7)", 2)]
    [InlineData("floor(-2.5)", -3)]
    [InlineData("floor(7)", 7)]
    [InlineData("ceil(2.1)", 3)]
    [InlineData("ceil(-2.1)", -2)]
    [InlineData("round(2.5)", 3)]
    [InlineData("round(-2.5)", -3)]
    [InlineData("round(2.4)", 2)]
    [InlineData("abs(-4)", 4)]
    [InlineData("abs(4)", 4)]
    [InlineData("int(2.9)", 2)]
    [InlineData("int(-2.9)", -2)]
    [InlineData("int(5)", 5)]
    [InlineData("int('42')", 42)]
    [InlineData("int(' 7.8 ')", 7)]
    [InlineData("int('-1e2')", -100)]
    [InlineData("len('héllo')", 5)]
    [InlineData("len('a😀b')", 3)]
    [InlineData("len('')", 0)]
    [InlineData("len(params.tags)", 3)]
    public void Evaluates_to_an_integer(string source, long expected)
    {
        JsonAssert.Integer(expected, Evaluate(source));
    }

    [Theory]
    [InlineData("7 / 2", 3.5)]
    [InlineData("4 / 2", 2.0)]
    [InlineData("-7 / 2", -3.5)]
    [InlineData("1.5 + 1", 2.5)]
    [InlineData("1 + 1.5", 2.5)]
    [InlineData("2 * 0.5", 1.0)]
    [InlineData("3.5 - 0.5", 3.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5e-1", 0.25)]
    [InlineData("1E+2", 100.0)]
    [InlineData("7.5 % 2", 1.5)]
    [InlineData("-0.5", -0.5)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("max(1, 2.5)", 2.5)]
    [InlineData("min(0.5, 0.25, 3)", 0.25)]
    [InlineData("params.lr", 0.001)]
    [InlineData("params.keep * 2", 0.5)]
    [InlineData("iteration.budget * params.keep", 2.5)]
    public void Evaluates_to_a_double(string source, double expected)
    {
        JsonAssert.Real(expected, Evaluate(source));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1 < 2", true)]
    [InlineData("2 < 2", false)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 4", false)]
    [InlineData("4 > 3", true)]
    [InlineData("3 >= 3.0", true)]
    [InlineData("2.5 < 3", true)]
    [InlineData("'a' < 'b'", true)]
    [InlineData("'b' < 'a'", false)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("'ab' >= 'ab'", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 != 2", true)]
    [InlineData("'x' == 'x'", true)]
    [InlineData("'x' != 'y'", true)]
    [InlineData("null == null", true)]
    [InlineData("null == 0", false)]
    [InlineData("1 == '1'", false)]
    [InlineData("true == true", true)]
    [InlineData("params.nothing == null", true)]
    [InlineData("params.tags == params.tags", true)]
    [InlineData("params.tags == nodes.train", false)]
    [InlineData("true && false", false)]
    [InlineData("true && true", true)]
    [InlineData("false || true", true)]
    [InlineData("false || false", false)]
    [InlineData("!true", false)]
    [InlineData("!!true", true)]
    [InlineData("!(1 > 2)", true)]
    [InlineData("1 < 2 == true", true)]
    [InlineData("1 + 1 == 2 && 2 * 2 == 4", true)]
    [InlineData("true || false && false", true)]
    [InlineData("false && true || true", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("false && params.missing", false)]
    [InlineData("true || 1 / 0 > 0", true)]
    [InlineData("params.flag", true)]
    public void Evaluates_to_a_boolean(string source, bool expected)
    {
        JsonAssert.Boolean(expected, Evaluate(source));
    }

    [Theory]
    [InlineData("'a' + \"b\"", "ab")]
    [InlineData("'' + ''", "")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'a\\\\b'", "a\\b")]
    [InlineData("'a\\nb\\tc\\rd'", "a\nb\tc\rd")]
    [InlineData("'\\u00e9'", "é")]
    [InlineData("'}'", "}")]
    [InlineData("str(3)", "3")]
    [InlineData("str(-1.5)", "-1.5")]
    [InlineData("str(0.1 + 0.2)", "0.30000000000000004")]
    [InlineData("str(1e21)", "1E+21")]
    [InlineData("str(4 / 2)", "2")]
    [InlineData("str(true)", "true")]
    [InlineData("str(null)", "null")]
    [InlineData("str('x')", "x")]
    [InlineData("str(params.tags)", "[\"a\",\"b\",\"c\"]")]
    [InlineData("str(nodes.train.outputs.checkpoint)", "{\"uri\":\"ckpt://2\"}")]
    [InlineData("'seed-' + str(params.seed)", "seed-42")]
    [InlineData("params.name", "run-a")]
    [InlineData("run.id", "r1")]
    [InlineData("nodes['corpus-select'].outputs.pairs.uri", "pairs://x")]
    [InlineData("nodes[\"corpus-select\"]['outputs'].pairs['uri']", "pairs://x")]
    [InlineData("iteration.previous.nodes.train.outputs.checkpoint.uri", "ckpt://1")]
    [InlineData("1 > 0 ? 'yes' : 'no'", "yes")]
    [InlineData("1 < 0 ? 'yes' : 'no'", "no")]
    public void Evaluates_to_a_string(string source, string expected)
    {
        JsonAssert.Text(expected, Evaluate(source));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("params.nothing")]
    [InlineData("true ? null : 1")]
    public void Evaluates_to_null(string source)
    {
        Assert.Null(Evaluate(source));
    }

    [Fact]
    public void Passes_objects_and_arrays_through_as_the_resolver_returned_them()
    {
        JsonNode checkpoint = _resolver.Root("nodes")!["train"]!["outputs"]!["checkpoint"]!;

        Assert.Same(checkpoint, Evaluate("nodes.train.outputs.checkpoint"));
        Assert.Same(checkpoint, Evaluate("true ? nodes.train.outputs.checkpoint : null"));
        Assert.Same(_resolver.Root("params"), Evaluate("params"));
        Assert.Equal("""["a","b","c"]""", Evaluate("params.tags")!.ToJsonString());
    }

    [Fact]
    public void Asks_for_the_whole_path_first_then_ever_shorter_prefixes()
    {
        var resolver = new RootResolver(new() { ["params"] = """{ "a": { "b": 5 } }""" });

        JsonAssert.Integer(5, Expression.Parse("params.a.b").Evaluate(resolver));

        Assert.Equal(["params.a.b", "params.a", "params"], resolver.Asked);
    }

    [Fact]
    public void A_resolver_may_answer_whole_paths()
    {
        var resolver = new PathResolver(new()
        {
            ["nodes['corpus-select'].outputs.pairs"] = JsonValue.Create("pairs-7"),
            ["iteration.budget"] = JsonValue.Create(3),
            ["params.rate"] = JsonValue.Create(0.5f),
            ["params.count"] = JsonValue.Create(12m),
            ["params.big"] = JsonValue.Create(ulong.MaxValue),
        });

        JsonAssert.Text("pairs-7", Expression.Parse("nodes['corpus-select'].outputs.pairs").Evaluate(resolver));
        // An int from .NET code is an integer, so the sum stays one.
        JsonAssert.Integer(4, Expression.Parse("iteration.budget + 1").Evaluate(resolver));
        JsonAssert.Real(1.0, Expression.Parse("params.rate * 2").Evaluate(resolver));
        JsonAssert.Integer(13, Expression.Parse("params.count + 1").Evaluate(resolver));
        JsonAssert.Real(ulong.MaxValue, Expression.Parse("params.big * 1").Evaluate(resolver));
    }

    [Fact]
    public void Json_text_decides_integer_or_double_for_resolved_numbers()
    {
        var resolver = new RootResolver(new() { ["params"] = """{ "whole": 3, "fraction": 3.0, "exponent": 3e0 }""" });

        JsonAssert.Integer(4, Expression.Parse("params.whole + 1").Evaluate(resolver));
        JsonAssert.Real(4.0, Expression.Parse("params.fraction + 1").Evaluate(resolver));
        JsonAssert.Real(4.0, Expression.Parse("params.exponent + 1").Evaluate(resolver));
    }

    [Fact]
    public void Evaluation_is_repeatable_and_reads_the_resolver_each_time()
    {
        var values = new Dictionary<string, JsonNode?> { ["iteration.index"] = JsonValue.Create(1) };
        var resolver = new PathResolver(values);
        Expression expression = Expression.Parse("iteration.index * 10");

        JsonAssert.Integer(10, expression.Evaluate(resolver));
        values["iteration.index"] = JsonValue.Create(2);
        JsonAssert.Integer(20, expression.Evaluate(resolver));
    }

    [Fact]
    public void Custom_roots_replace_the_default_ones()
    {
        var resolver = new PathResolver(new() { ["inputs.x"] = JsonValue.Create(2) });

        Expression expression = Expression.Parse("inputs.x * 3", ["inputs"]);

        JsonAssert.Integer(6, expression.Evaluate(resolver));
        Assert.Equal(["params", "iteration", "nodes", "run"], Expression.DefaultRoots);
    }

    [Theory]
    [InlineData("bad-root")]
    [InlineData("1abc")]
    [InlineData("")]
    [InlineData("true")]
    [InlineData("null")]
    public void Refuses_a_root_that_is_not_an_identifier_or_is_a_literal(string root)
    {
        var error = Assert.Throws<ArgumentException>(() => Expression.Parse("1", [root]));
        Assert.Equal("roots", error.ParamName);
    }

    [Fact]
    public void Refuses_an_empty_root_list()
    {
        Assert.Throws<ArgumentException>(() => Expression.Parse("1", []));
        Assert.Throws<ArgumentException>(() => Binding.Parse("1", []));
    }
}
