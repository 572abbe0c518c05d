using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PrefFlow.Host.Tests.Sweeps;

/// <summary>
/// 'prefflow sweep' end to end on the real executable: killed with SIGKILL after its first run, the same command
/// completes only what is missing; a sweep's run equals the same run made with 'prefflow run'; 'prefflow report'
/// writes a sweep's and a run's files.
/// </summary>
[Collection(MiniRunCollection.Name)]
public sealed partial class SweepCommandTests(MiniRun reference, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);
    private readonly string _folder = Directory.CreateTempSubdirectory("prefflow-sweep-").FullName;

    private string Data => Path.Combine(_folder, "data");

    [Fact]
    public void A_killed_sweep_rerun_completes_only_what_is_missing_and_its_report_has_every_run()
    {
        string file = Path.Combine(_folder, "mini-sweep.json");
        File.WriteAllText(file, new JsonObject
        {
            ["name"] = "mini-sweep",
            ["definition"] = MiniRun.DefinitionPath,
            ["grid"] = new JsonObject { ["instanceStrategy"] = new JsonArray("smallest", "random") },
            ["seeds"] = new JsonArray(MiniRun.Seed, MiniRun.Seed + 1),
            ["metrics"] = new JsonArray("goldWinRate", "kl", "rankingAccuracy"),
        }.ToJsonString());

        using (RunningPrefFlow killed = RunningPrefFlow.Start(null, "sweep", file, "--data-dir", Data))
        {
            killed.WaitFor(line => line.StartsWith("[1/4]", StringComparison.Ordinal), Patience);
            killed.KillHard();
        }
        var rerun = PrefFlowProcess.Run(Patience, "sweep", file, "--data-dir", Data);
        output.WriteLine(rerun.Output);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Single(Progress().Matches(rerun.Output), line => line.Groups["how"].Value == "done before");
        Assert.Equal(3, Progress().Matches(rerun.Output).Count(line => line.Groups["how"].Value is "ran" or "resumed"));

        // The sweep's run with the reference's seed and strategy is the reference run, number for number.
        string runId = Progress().Matches(rerun.Output).Single(line => line.Groups["cell"].Value == $"instanceStrategy=smallest seed {MiniRun.Seed}").Groups["run"].Value;
        var status = PrefFlowProcess.Run("status", runId, "--data-dir", Data, "--json");
        Assert.Equal(MiniRun.Metrics(reference.Json), MiniRun.Metrics(JsonNode.Parse(status.Output)!.AsObject()));

        string sweepFolder = Path.Combine(Data, "sweeps", "mini-sweep");
        string[] csv = File.ReadAllLines(Path.Combine(sweepFolder, "results.csv"));
        Assert.Equal(4, csv.Skip(1).Select(line => line.Split(',')[3]).Distinct().Count());
        Assert.Contains("4 runs succeeded, 0 missing", File.ReadAllText(Path.Combine(sweepFolder, "summary.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(sweepFolder, "goldWinRate.png")));

        var again = PrefFlowProcess.Run(Patience, "sweep", file, "--data-dir", Data);
        output.WriteLine(again.Output);
        Assert.Equal(4, Progress().Matches(again.Output).Count(line => line.Groups["how"].Value == "done before"));

        string sweepReport = Path.Combine(_folder, "sweep-report");
        var report = PrefFlowProcess.Run("report", "mini-sweep", "--out", sweepReport, "--data-dir", Data);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Equal(["goldWinRate.png", "kl.png", "rankingAccuracy.png", "results.csv", "results.parquet", "summary.md"],
            Directory.GetFiles(sweepReport).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(csv, File.ReadAllLines(Path.Combine(sweepReport, "results.csv")));

        string runReport = Path.Combine(_folder, "run-report");
        var single = PrefFlowProcess.Run("report", runId, "--out", runReport, "--data-dir", Data);
        Assert.True(single.ExitCode == 0, single.Error);
        Assert.Contains("| iteration | budget |", single.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(runReport, "goldWinRate.png")));
    }

    [Theory]
    [InlineData("missing.json", "definition 'missing.json' not found")]
    [InlineData("paper-single-iteration --grid instanceStrategy", "--grid 'instanceStrategy': expected name=value1,value2")]
    [InlineData("paper-single-iteration --grid instanceStrategy=middle", "cell 'paper-single-iteration instanceStrategy=middle': parameter 'instanceStrategy'")]
    [InlineData("paper-single-iteration --grid strategy=smallest", "parameter 'strategy': the definition 'paper-single-iteration' has no such parameter")]
    [InlineData("paper-single-iteration --seeds 0", "--seeds must be at least 1")]
    [InlineData("paper-single-iteration --parallel 0", "--parallel must be at least 1")]
    [InlineData("paper-single-iteration --quick", "--quick needs a sweep file")]
    [InlineData("paper-single-iteration --name Fig2", "the sweep's name 'Fig2' must be")]
    public void Mistakes_exit_with_2_and_one_line_naming_them(string arguments, string expected)
    {
        var result = PrefFlowProcess.Run(["sweep", .. arguments.Split(' '), "--data-dir", Data]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Data, "sweeps")));
    }

    [Fact]
    public void Report_names_what_it_cannot_find()
    {
        var result = PrefFlowProcess.Run("report", "nothing-here", "--data-dir", Data);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'nothing-here' is neither a run's id, a sweep's name", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"^\[\d+/4\] mini-iterations (?<cell>.+?): succeeded \((?<how>[a-z ]+), \d+ s\) run (?<run>\S+)$", RegexOptions.Multiline)]
    private static partial Regex Progress();
}
