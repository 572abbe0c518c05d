using Parquet;
using PrefFlow.Host.Reports;
using PrefFlow.Host.Sweeps;

namespace PrefFlow.Host.Tests.Reports;

/// <summary>The files of a report, from rows made by hand: tidy CSV and Parquet, the markdown table, one PNG per metric.</summary>
public sealed class ReportWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prefflow-report-").FullName;

    private static readonly SweepSpec Spec = new("demo", "A demo, sweep.", [new SweepArm("paper", "paper-single-iteration", new Dictionary<string, string>())],
        [new GridAxis("strategy", ["smallest", "random"]), new GridAxis("keptPairs", ["250", "500"])], [1, 2, 3], [], new SweepPlot(null, null),
        new SweepContrast("strategy", "random"));

    private static SweepResults Results()
    {
        var rows = new List<ResultRow>();
        foreach (var point in Spec.Points())
        {
            var cell = new SweepCell("paper", point);
            foreach (ulong seed in Spec.Seeds)
            {
                double bonus = cell.Value("strategy") == "smallest" ? 0.1 : 0;
                string run = $"r-{cell.Value("strategy")}-{cell.Value("keptPairs")}-{seed}";
                rows.Add(new ResultRow(cell, seed, run, 0, null, "eval.goldWinRate", 0.3 + bonus + seed * 0.01));
                // The same for every cell of a seed, like pi^0's evaluation: not worth a column.
                rows.Add(new ResultRow(cell, seed, run, 0, null, "initial_eval.goldWinRate", 0.2 + seed * 0.01));
            }
        }
        var missing = new SweepMember(new SweepCell("paper", [new("strategy", "largest")]), 4, "r-missing");
        return new SweepResults(Spec, rows, [(missing, "failed")]);
    }

    [Fact]
    public async Task The_report_has_tidy_tables_intervals_and_a_plot_per_changing_metric()
    {
        (IReadOnlyList<string> files, string table) = await ReportWriter.WriteAsync(_folder, Results(), CancellationToken.None);

        Assert.Equal(["results.csv", "results.parquet", "summary.md", "eval.goldWinRate.png", "eval.goldWinRate.paired.png"], files.Select(Path.GetFileName));
        string[] csv = File.ReadAllLines(Path.Combine(_folder, "results.csv"));
        Assert.Equal("arm,strategy,keptPairs,seed,run,iteration,budget,metric,value", csv[0]);
        Assert.Equal(1 + 4 * 3 * 2, csv.Length);
        Assert.Equal("paper,smallest,250,1,r-smallest-250-1,0,,eval.goldWinRate,0.41000000000000003", csv[1]);

        string markdown = File.ReadAllText(Path.Combine(_folder, "summary.md"));
        Assert.Contains("A demo, sweep.", markdown, StringComparison.Ordinal);
        Assert.Contains("12 runs succeeded, 1 missing", markdown, StringComparison.Ordinal);
        Assert.Contains("| strategy | keptPairs | eval.goldWinRate | seeds |", table, StringComparison.Ordinal);
        // Seeds 1-3 give 0.41, 0.42, 0.43: mean 0.42, sd 0.01, half-width 4.3027 * 0.01 / sqrt(3).
        Assert.Contains("| smallest | 250 | 0.4200 ± 0.0248 | 3 |", table, StringComparison.Ordinal);
        Assert.Contains("| random | 500 | 0.3200 ± 0.0248 | 3 |", table, StringComparison.Ordinal);
        Assert.DoesNotContain("initial_eval", table, StringComparison.Ordinal);
        Assert.Contains("- paper strategy=largest seed 4: failed (r-missing)", markdown, StringComparison.Ordinal);
        // smallest is 0.1 above random in every seed: the paired difference has no spread at all.
        string paired = markdown[markdown.IndexOf("Paired differences against strategy = random", StringComparison.Ordinal)..];
        Assert.Matches(@"\| smallest \| 500 \| 0\.1000 ± 0(\.0000)? \| 3 \|", paired);
        Assert.DoesNotContain("| random |", paired, StringComparison.Ordinal);

        byte[] png = File.ReadAllBytes(Path.Combine(_folder, "eval.goldWinRate.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 10_000, $"the plot has {png.Length} bytes");
    }

    [Fact]
    public async Task The_parquet_file_holds_typed_columns()
    {
        await ReportWriter.WriteAsync(_folder, Results(), CancellationToken.None);

        await using FileStream file = File.OpenRead(Path.Combine(_folder, "results.parquet"));
        await using ParquetReader reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["arm", "strategy", "keptPairs", "seed", "run", "iteration", "budget", "metric", "value"], fields.Select(f => f.Name));
        Assert.Equal("demo", reader.CustomMetadata["prefflow.sweep"]);
        using ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        Assert.Equal(24, group.RowCount);
        var seeds = new long[24];
        await group.ReadAsync<long>(fields[3], seeds.AsMemory(), null);
        var budgets = new int?[24];
        await group.ReadAsync<int>(fields[6], budgets.AsMemory(), null);
        var values = new double[24];
        await group.ReadAsync<double>(fields[8], values.AsMemory(), null);
        Assert.Equal(1L, seeds[0]);
        Assert.Null(budgets[0]);
        Assert.Equal(0.41, values[0], 12);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
