using PrefFlow.Workflows.Expressions;

namespace PrefFlow.Workflows.Tests.Expressions;

public class CanonicalFormTests
{
    [Theory]
    [InlineData("1+2*3", "1 + 2 * 3")]
    [InlineData("(1+2)*3", "(1 + 2) * 3")]
    [InlineData("((1))", "1")]
    [InlineData("1-(2-3)", "1 - (2 - 3)")]
    [InlineData("(1-2)-3", "1 - 2 - 3")]
    [InlineData("1--1", "1 - -1")]
    [InlineData("-(1+2)", "-(1 + 2)")]
    [InlineData("-(-(1))", "--1")]
    [InlineData("!(params.flag)", "!params.flag")]
    [InlineData("!(1<2)", "!(1 < 2)")]
    [InlineData("1<2==2>1", "1 < 2 == 2 > 1")]
    [InlineData("(1<2)<3", "1 < 2 < 3")]
    [InlineData("1<(2<3)", "1 < (2 < 3)")]
    [InlineData("true||false&&true", "true || false && true")]
    [InlineData("(true||false)&&true", "(true || false) && true")]
    [InlineData("(true?1:2)?3:4", "(true ? 1 : 2) ? 3 : 4")]
    [InlineData("true?1:(false?2:3)", "true ? 1 : false ? 2 : 3")]
    [InlineData("true?(false?1:2):3", "true ? false ? 1 : 2 : 3")]
    [InlineData("1+(true?1:2)", "1 + (true ? 1 : 2)")]
    [InlineData("max( 1,2 ,3)", "max(1, 2, 3)")]
    [InlineData("max((1+2),-(3))", "max(1 + 2, -3)")]
    [InlineData("2.0", "2.0")]
    [InlineData("2.50", "2.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData("1.5e300", "1.5E+300")]
    [InlineData("0.1", "0.1")]
    [InlineData("1e-7", "1E-07")]
    [InlineData("007", "7")]
    [InlineData("\"it's\"", "'it\\'s'")]
    [InlineData("'tab\\there\\u0001'", "'tab\\there\\u0001'")]
    [InlineData("\"\\\\\"", "'\\\\'")]
    [InlineData("null == true", "null == true")]
    [InlineData("nodes[\"corpus-select\"].outputs['pairs']", "nodes['corpus-select'].outputs.pairs")]
    [InlineData("params['a b']['x\\'y']['_ok1']", "params['a b']['x\\'y']._ok1")]
    [InlineData("params['1st']", "params['1st']")]
    [InlineData("params . lr", "params.lr")]
    public void ToString_is_canonical_and_parses_back_to_itself(string source, string canonical)
    {
        string written = Expression.Parse(source).ToString();

        Assert.Equal(canonical, written);
        Assert.Equal(canonical, Expression.Parse(written).ToString());
    }

    [Fact]
    public void Reference_paths_print_identifiers_after_dots_and_other_names_in_brackets()
    {
        var path = new ReferencePath(["nodes", "corpus-select", "outputs", "it's", "x"], 5);

        Assert.Equal("nodes['corpus-select'].outputs['it\\'s'].x", path.ToString());
        Assert.Equal(5, path.Position);
        Assert.Equal("nodes['corpus-select']", path.Prefix(2).ToString());
        Assert.Equal(["nodes", "corpus-select", "outputs", "it's", "x"], Expression.Parse(path.ToString()).References[0].Segments);
    }

    [Fact]
    public void Reference_paths_are_equal_by_segments_whatever_their_position()
    {
        var a = new ReferencePath(["params", "lr"], 0);
        var b = new ReferencePath(["params", "lr"], 17);
        var c = new ReferencePath(["params", "LR"], 0);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.False(a.Equals(null));
        Assert.Single(new HashSet<ReferencePath> { a, b });
    }

    [Fact]
    public void Reference_paths_refuse_missing_or_empty_segments()
    {
        Assert.Throws<ArgumentException>(() => new ReferencePath([]));
        Assert.Throws<ArgumentException>(() => new ReferencePath(["params", ""]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReferencePath(["params"], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReferencePath(["params"]).Prefix(2));
    }

    [Fact]
    public void Expression_exceptions_carry_position_and_reason()
    {
        var error = new ExpressionException(12, "something is wrong");

        Assert.Equal(12, error.Position);
        Assert.Equal("something is wrong", error.Reason);
        Assert.Equal("at 12: something is wrong", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpressionException(-1, "x"));
    }
}
