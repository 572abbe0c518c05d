using PrefFlow.Host.Hosting;
using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Tests.Sweeps;

/// <summary>Sweep files: what they say becomes the spec, the quick variant overrides it, and every mistake is named.</summary>
public sealed class SweepFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prefflow-sweepfile-").FullName;

    [Fact]
    public void A_file_with_one_definition_gives_one_arm_crossed_with_the_grid()
    {
        string path = Write("""
            {"name": "fig", "description": "d", "definition": "paper-single-iteration",
             "parameters": {"corpusStrategy": "random", "prompts": 1000, "lengthNormalised": false, "learningRate": 3e-5},
             "grid": {"instanceStrategy": ["smallest", "largest"], "keptPairs": [250, 500]},
             "seeds": 3, "metrics": ["eval.goldWinRate"], "plot": {"x": "keptPairs"}, "contrast": {"parameter": "instanceStrategy", "baseline": "largest"},
             "quick": {"seeds": [7], "grid": {"keptPairs": [500]}, "parameters": {"prompts": 600}}}
            """);

        SweepSpec full = SweepFile.Read(path, quick: false);
        SweepSpec quick = SweepFile.Read(path, quick: true);

        SweepArm arm = Assert.Single(full.Arms);
        Assert.Equal(("paper-single-iteration", "paper-single-iteration"), (arm.Label, arm.Definition));
        Assert.Equal("1000", arm.Parameters["prompts"]);
        Assert.Equal("false", arm.Parameters["lengthNormalised"]);
        Assert.Equal("3e-5", arm.Parameters["learningRate"]);
        Assert.Equal([1UL, 2UL, 3UL], full.Seeds);
        Assert.Equal(4, full.Points().Count());
        Assert.Equal("instanceStrategy=smallest keptPairs=250", string.Join(' ', full.Points().First().Select(s => $"{s.Key}={s.Value}")));
        Assert.Equal("keptPairs", full.Plot.X);
        Assert.Equal(new SweepContrast("instanceStrategy", "largest"), full.Contrast);
        Assert.Equal([7UL], quick.Seeds);
        Assert.Equal(2, quick.Points().Count());
        Assert.Equal("600", Assert.Single(quick.Arms).Parameters["prompts"]);
    }

    [Fact]
    public void Arms_take_the_shared_parameters_then_their_own_and_definitions_relative_to_the_file()
    {
        File.WriteAllText(Path.Combine(_folder, "mine.json"), "{}");
        string path = Write("""
            {"parameters": {"epochs": 1}, "seeds": [4, 9],
             "arms": [{"label": "a", "definition": "always-smallest", "parameters": {"epochs": 3}},
                      {"definition": "mine.json"}]}
            """);

        SweepSpec spec = SweepFile.Read(path, quick: false);

        Assert.Equal("sweep", spec.Name);
        Assert.Equal(["a", "mine"], spec.Arms.Select(a => a.Label));
        Assert.Equal("3", spec.Arms[0].Parameters["epochs"]);
        Assert.Equal("1", spec.Arms[1].Parameters["epochs"]);
        Assert.Equal(Path.Combine(_folder, "mine.json"), spec.Arms[1].Definition);
        Assert.Equal([4UL, 9UL], spec.Seeds);
        Assert.Single(spec.Points());
    }

    [Theory]
    [InlineData("""{"definition": "x", "grid": {"a": [1]}, "sedes": 3}""", "field 'sedes' is not a field of a sweep file")]
    [InlineData("""{"grid": {"a": [1]}}""", "give either 'definition' or 'arms'")]
    [InlineData("""{"definition": "x", "arms": [{"definition": "y"}]}""", "give either 'definition' or 'arms'")]
    [InlineData("""{"definition": "x", "grid": {"a": []}}""", "field 'grid.a' must be a non-empty list")]
    [InlineData("""{"definition": "x", "grid": {"a": [1, 1]}}""", "field 'grid.a' lists a value twice")]
    [InlineData("""{"definition": "x", "grid": {"a": [[1]]}}""", "field 'grid.a[0]' must be a string, a number or a boolean")]
    [InlineData("""{"definition": "x", "seeds": 0}""", "field 'seeds' must be a count of at least 1")]
    [InlineData("""{"definition": "x", "seeds": [1, -2]}""", "field 'seeds[1]' must be a non-negative integer")]
    [InlineData("""{"definition": "x", "name": "Fig 2"}""", "'Fig 2' must be 1-60 lower-case letters")]
    [InlineData("""{"arms": [{"label": "a", "definition": "x"}, {"label": "a", "definition": "y"}]}""", "field 'arms[1].label' 'a' is used by two arms")]
    [InlineData("""{"arms": [{"label": "a"}]}""", "field 'arms[0].definition' is missing")]
    [InlineData("""{"definition": "x", "quick": {"grid": {"b": [1]}}}""", "field 'quick.grid.b' names no axis of 'grid'")]
    [InlineData("""{"definition": "x", "grid": {"a": [1, 2]}, "contrast": {"parameter": "b", "baseline": 1}}""", "field 'contrast.parameter' 'b' is neither 'arm' nor a grid parameter")]
    [InlineData("""{"definition": "x", "grid": {"a": [1, 2]}, "contrast": {"parameter": "a", "baseline": 3}}""", "field 'contrast.baseline' '3' is not one of a's values (1, 2)")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    [InlineData("""{"definition": "x",""", "is not valid JSON")]
    public void Mistakes_are_named_with_the_file_and_the_field(string json, string expected)
    {
        string path = Write(json);
        var error = Assert.Throws<UserInputException>(() => SweepFile.Read(path, quick: json.Contains("quick", StringComparison.Ordinal)));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_without_a_quick_section_is_refused()
    {
        string path = Write("""{"definition": "x"}""");
        var error = Assert.Throws<UserInputException>(() => SweepFile.Read(path, quick: true));
        Assert.Contains("field 'quick' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_definition_is_not_taken_for_a_sweep()
    {
        Assert.True(SweepFile.IsSweep(Write("""{"definition": "x", "grid": {"a": [1]}}""")));
        Assert.False(SweepFile.IsSweep(Write("""{"id": "w", "nodes": [], "grid": {}}""")));
        Assert.False(SweepFile.IsSweep(Path.Combine(_folder, "missing.json")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(_folder, "sweep.json");
        File.WriteAllText(path, json);
        return path;
    }
}
