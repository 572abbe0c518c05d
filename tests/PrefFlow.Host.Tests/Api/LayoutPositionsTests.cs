using System.Text.Json.Nodes;
using PrefFlow.Host.Api.Layouts;
using PrefFlow.Host.Api.Problems;

namespace PrefFlow.Host.Tests.Api;

/// <summary>
/// The limits of a layout body at their edges, without a server: a body of 10000 positions is larger than the test
/// servers' body size limit.
/// </summary>
public sealed class LayoutPositionsTests
{
    private static string Body(int count) =>
        "{\"positions\":{" + string.Join(',', Enumerable.Range(0, count).Select(i => $"\"n{i}\":{{\"x\":{i},\"y\":0}}")) + "}}";

    [Fact]
    public void At_most_10000_positions_are_kept()
    {
        JsonObject kept = JsonNode.Parse(LayoutPositions.Normalise(Body(LayoutPositions.MostEntries)))!.AsObject();

        var refused = Assert.Throws<ApiException>(() => LayoutPositions.Normalise(Body(LayoutPositions.MostEntries + 1)));

        Assert.Equal(LayoutPositions.MostEntries, kept.Count);
        Assert.Equal(400, refused.Status);
        Assert.Equal("$.positions", refused.Field);
    }

    [Fact]
    public void Paths_up_to_1000_characters_and_coordinates_up_to_ten_million_are_kept()
    {
        string longest = string.Join('/', Enumerable.Repeat(new string('a', 99), 10)); // 10 * 99 + 9 separators = 999
        longest += "b";
        string body = "{\"positions\":{\"" + longest + "\":{\"x\":10000000,\"y\":-10000000},\"Loop_1/sample-2\":{\"x\":-0.0,\"y\":1.25E2}}}";

        JsonNode positions = JsonNode.Parse(LayoutPositions.Normalise(body))!;

        Assert.Equal(LayoutPositions.LongestPath, longest.Length);
        Assert.Equal(10_000_000, (double)positions[longest]!["x"]!);
        Assert.Equal(-10_000_000, (double)positions[longest]!["y"]!);
        Assert.Equal("""{"x":0,"y":125}""", positions["Loop_1/sample-2"]!.ToJsonString());
    }

    [Fact]
    public void The_stored_positions_are_normalised_with_their_paths_in_ordinal_order()
    {
        string stored = LayoutPositions.Normalise("""{ "positions" : { "b" : { "y" : 2, "x" : 1.50 }, "B/a" : { "x" : 3, "y" : 4 }, "a" : { "x" : 0, "y" : 0 } } }""");

        Assert.Equal("""{"B/a":{"x":3,"y":4},"a":{"x":0,"y":0},"b":{"x":1.5,"y":2}}""", stored);
    }

    [Fact]
    public void A_path_one_character_too_long_is_refused()
    {
        string body = "{\"positions\":{\"" + new string('a', LayoutPositions.LongestPath + 1) + "\":{\"x\":1,\"y\":2}}}";

        var refused = Assert.Throws<ApiException>(() => LayoutPositions.Normalise(body));

        Assert.Equal(400, refused.Status);
        Assert.StartsWith("$.positions.aaa", refused.Field, StringComparison.Ordinal);
        Assert.True(refused.Message.Length < 400, refused.Message);
    }
}
