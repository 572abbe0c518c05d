using System.Text.Json.Nodes;
using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

public class BindingTests
{
    private readonly RootResolver _resolver = RootResolver.CreateSample();

    private JsonNode? Evaluate(string text) => Binding.Parse(text).Evaluate(_resolver);

    [Fact]
    public void A_single_segment_keeps_the_expressions_type()
    {
        JsonAssert.Real(0.001, Evaluate("${params.lr}"));
        JsonAssert.Integer(10, Evaluate("${iteration.budget}"));
        JsonAssert.Integer(3, Evaluate("${iteration.index + 1}"));
        JsonAssert.Integer(42, Evaluate("${ params.seed }"));
        JsonAssert.Real(2.0, Evaluate("${4 / 2}"));
        JsonAssert.Boolean(true, Evaluate("${params.flag}"));
        JsonAssert.Integer(2, Evaluate("${max(1, floor(iteration.budget * params.keep))}"));
        Assert.Null(Evaluate("${params.nothing}"));
        Assert.Same(_resolver.Root("nodes")!["train"]!["outputs"]!["checkpoint"], Evaluate("${nodes.train.outputs.checkpoint}"));
        Assert.Equal("""{"uri":"ckpt://1"}""", Evaluate("${iteration.previous.nodes.train.outputs.checkpoint}")!.ToJsonString());
    }

    [Theory]
    [InlineData("run-${params.seed}-iter-${iteration.index}", "run-42-iter-2")]
    [InlineData("lr=${params.lr}", "lr=0.001")]
    [InlineData(" ${params.seed}", " 42")]
    [InlineData("${params.seed} ", "42 ")]
    [InlineData("${params.seed}${iteration.index}", "422")]
    [InlineData("${7 / 2}x", "3.5x")]
    [InlineData("${4 / 2}x", "2x")]
    [InlineData("x${0.1 + 0.2}", "x0.30000000000000004")]
    [InlineData("${1e21}!", "1E+21!")]
    [InlineData("${params.flag}/${params.nothing}", "true/null")]
    [InlineData("ckpt=${nodes.train.outputs.checkpoint}", "ckpt={\"uri\":\"ckpt://2\"}")]
    [InlineData("tags=${params.tags}", "tags=[\"a\",\"b\",\"c\"]")]
    [InlineData("${'a}b'}-${\"}\"}", "a}b-}")]
    [InlineData("<${'é&<>'}>", "<é&<>>")]
    [InlineData("${nodes['corpus-select'].outputs.pairs.uri}?v=1", "pairs://x?v=1")]
    public void Several_parts_join_as_text(string text, string expected)
    {
        JsonAssert.Text(expected, Evaluate(text));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    [InlineData("price: $5 {not a segment}", "price: $5 {not a segment}")]
    [InlineData("a}b", "a}b")]
    [InlineData("cost $${x}", "cost ${x}")]
    [InlineData("$${params.seed}", "${params.seed}")]
    [InlineData("$$${params.seed}", "$${params.seed}")]
    [InlineData("$${a} and $${b}", "${a} and ${b}")]
    [InlineData("$$", "$$")]
    [InlineData("$", "$")]
    [InlineData("42", "42")]
    public void Text_without_segments_is_literal(string text, string expected)
    {
        Binding binding = Binding.Parse(text);

        Assert.True(binding.IsLiteral);
        Assert.Empty(binding.References);
        JsonAssert.Text(expected, binding.Evaluate(new PathResolver([])));
    }

    [Fact]
    public void Escaped_text_and_segments_mix()
    {
        Binding binding = Binding.Parse("$${literal} ${params.seed}");

        Assert.False(binding.IsLiteral);
        JsonAssert.Text("${literal} 42", binding.Evaluate(_resolver));
    }

    [Fact]
    public void References_lists_every_occurrence_in_order_with_positions_in_the_text()
    {
        const string text = "a ${params.seed + iteration.index} b ${nodes['corpus-select'].outputs.pairs} ${params.seed}";

        Binding binding = Binding.Parse(text);

        Assert.Equal(
            ["params.seed", "iteration.index", "nodes['corpus-select'].outputs.pairs", "params.seed"],
            binding.References.Select(r => r.ToString()));
        Assert.Equal(
            [text.IndexOf("params.seed", StringComparison.Ordinal), text.IndexOf("iteration", StringComparison.Ordinal),
             text.IndexOf("nodes", StringComparison.Ordinal), text.LastIndexOf("params.seed", StringComparison.Ordinal)],
            binding.References.Select(r => r.Position));
        Assert.Equal(["nodes", "corpus-select", "outputs", "pairs"], binding.References[2].Segments);
        Assert.Equal("nodes", binding.References[2].Root);
    }

    [Fact]
    public void Expression_references_list_every_path_used()
    {
        Expression expression = Expression.Parse("max(params.a, iteration.previous.nodes['x-y'].outputs.n) + len(run.name) > 0 ? params.a : 0");

        Assert.Equal(
            ["params.a", "iteration.previous.nodes['x-y'].outputs.n", "run.name", "params.a"],
            expression.References.Select(r => r.ToString()));
        Assert.Equal([4, 14, 63, 79], expression.References.Select(r => r.Position));
    }

    [Theory]
    [InlineData("x ${params.seed", 2, "this '${' has no closing '}'")]
    [InlineData("${", 2, "expected a value, found the end of the text")]
    [InlineData("${}", 0, "the segment '${}' is empty")]
    [InlineData("ok ${ }", 3, "the segment '${}' is empty")]
    [InlineData("${foo}", 2, "unknown name 'foo'; a reference starts with one of: params, iteration, nodes, run")]
    [InlineData("ab ${1 +}", 8, "expected a value, found '}'")]
    [InlineData("${1 2}", 4, "expected '}' to close the '${' at 0, found '2'")]
    [InlineData("${'}", 2, "the string has no closing '")]
    [InlineData("${1} ${exec()}", 7, "unknown function 'exec'; allowed: min, max, floor, ceil, round, abs, int, len, str")]
    [InlineData("${ {1} }", 3, "unexpected character '{'")]
    public void Parse_errors_point_into_the_binding_text(string text, int position, string reason)
    {
        var error = Assert.Throws<ExpressionException>(() => Binding.Parse(text));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("run-${params.name + 1}", 18, "cannot add a string and a number; '+' adds two numbers or joins two strings")]
    [InlineData("${params.missing}", 2, "'params' has no member 'missing'")]
    [InlineData("a ${1} b ${2 / 0}", 13, "division by zero")]
    public void Evaluation_errors_point_into_the_binding_text(string text, int position, string reason)
    {
        Binding binding = Binding.Parse(text);

        var error = Assert.Throws<ExpressionException>(() => binding.Evaluate(_resolver));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Custom_roots_apply_to_every_segment()
    {
        var resolver = new PathResolver(new() { ["inputs.x"] = JsonValue.Create(2), ["env.y"] = JsonValue.Create("b") });

        Binding binding = Binding.Parse("${inputs.x}-${env.y}", ["inputs", "env"]);

        JsonAssert.Text("2-b", binding.Evaluate(resolver));
        var error = Assert.Throws<ExpressionException>(() => Binding.Parse("${inputs.x} ${params.x}", ["inputs"]));
        Assert.Equal("unknown name 'params'; a reference starts with one of: inputs", error.Reason);
        Assert.Equal(14, error.Position);
    }

    [Theory]
    [InlineData("run-${params.seed}-iter-${ iteration.index+1 }", "run-${params.seed}-iter-${iteration.index + 1}")]
    [InlineData("$${x} ${ \"a\" }", "$${x} ${'a'}")]
    [InlineData("$$${x}", "$$${x}")]
    [InlineData("${nodes[\"corpus-select\"]['outputs']}", "${nodes['corpus-select'].outputs}")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void ToString_is_canonical_and_parses_back_to_itself(string text, string canonical)
    {
        string written = Binding.Parse(text).ToString();

        Assert.Equal(canonical, written);
        Assert.Equal(canonical, Binding.Parse(written).ToString());
    }
}
