using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

public class LimitTests
{
    private static string Nested(int depth) => new string('(', depth) + "1" + new string(')', depth);

    [Fact]
    public void Text_up_to_the_length_limit_parses_and_longer_text_is_refused()
    {
        string longest = "1" + new string(' ', ExpressionLimits.MaxLength - 1);
        Assert.Equal("1", Expression.Parse(longest).ToString());
        Assert.True(Binding.Parse(new string('x', ExpressionLimits.MaxLength)).IsLiteral);

        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(longest + " "));
        Assert.Equal(ExpressionLimits.MaxLength, error.Position);
        Assert.Equal("the text is 4097 characters long; at most 4096 are allowed", error.Reason);

        var bindingError = Assert.Throws<ExpressionException>(() => Binding.Parse(new string('x', 10_000)));
        Assert.Equal("the text is 10000 characters long; at most 4096 are allowed", bindingError.Reason);
    }

    [Fact]
    public void Parentheses_nest_up_to_the_depth_limit()
    {
        // The whole expression is one level, each parenthesis another.
        Assert.Equal("1", Expression.Parse(Nested(ExpressionLimits.MaxDepth - 1)).ToString());

        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(Nested(ExpressionLimits.MaxDepth)));
        Assert.Equal("the expression nests deeper than 64 levels; split it up", error.Reason);
        Assert.Equal(ExpressionLimits.MaxDepth, error.Position);
    }

    [Fact]
    public void Deep_input_within_the_length_limit_is_refused_without_exhausting_the_stack()
    {
        string[] deep =
        [
            Nested(2000),
            new string('-', 4000) + "1",
            new string('!', 4000) + "true",
            string.Concat(Enumerable.Repeat("max(1,", 500)) + "1" + new string(')', 500),
            string.Concat(Enumerable.Repeat("true?1:", 580)) + "1",
            "1" + string.Concat(Enumerable.Repeat("+1", 2000)),
        ];
        foreach (string source in deep)
        {
            Assert.True(source.Length <= ExpressionLimits.MaxLength, $"{source.Length} characters");
            var error = Assert.Throws<ExpressionException>(() => Expression.Parse(source));
            Assert.Contains("deeper than 64 levels", error.Reason);
        }
    }

    [Fact]
    public void Operator_chains_count_toward_the_depth_limit()
    {
        string chain = "1" + string.Concat(Enumerable.Repeat(" + 1", ExpressionLimits.MaxDepth - 1));
        Assert.Equal(64L, Expression.Parse(chain).Evaluate(new PathResolver([]))!.GetValue<long>());

        var error = Assert.Throws<ExpressionException>(() => Expression.Parse(chain + " + 1"));
        Assert.Equal("the expression nests deeper than 64 levels; split it up", error.Reason);
        Assert.Equal(chain.Length + 1, error.Position);

        // A literal is one level, each unary operator another.
        Assert.Equal(-1L, Expression.Parse(new string('-', 63) + "1").Evaluate(new PathResolver([]))!.GetValue<long>());
        Assert.Throws<ExpressionException>(() => Expression.Parse(new string('-', 64) + "1"));
    }

    [Fact]
    public void Long_reference_paths_are_not_nesting()
    {
        string path = "params" + string.Concat(Enumerable.Repeat(".a", 500));

        Assert.Equal(501, Expression.Parse(path).References[0].Segments.Count);
    }

    [Fact]
    public void A_binding_holds_at_most_the_segment_limit()
    {
        string full = string.Concat(Enumerable.Repeat("${1}", ExpressionLimits.MaxSegments));
        var resolver = new PathResolver([]);
        Assert.Equal(new string('1', ExpressionLimits.MaxSegments), Binding.Parse(full).Evaluate(resolver)!.GetValue<string>());

        var error = Assert.Throws<ExpressionException>(() => Binding.Parse(full + "${1}"));
        Assert.Equal("a binding holds at most 256 '${...}' segments", error.Reason);
        Assert.Equal(full.Length, error.Position);

        // Escaped "${" are text, not segments.
        Assert.True(Binding.Parse(string.Concat(Enumerable.Repeat("$${1}", 300))).IsLiteral);
    }
}
