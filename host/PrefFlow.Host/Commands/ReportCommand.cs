using System.CommandLine;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Reports;
using PrefFlow.Host.Sweeps;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Commands;

/// <summary>
/// <c>prefflow report &lt;run|sweep&gt; --out DIR</c>: writes a run's or a sweep's tables (CSV, Parquet, markdown with
/// 95% confidence intervals over seeds) and one PNG plot per metric, reading the latest state of its runs.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "A run's id, a sweep's name, or a sweep's folder." };
        var output = new Option<string?>("--out") { Description = "Folder to write into (default: the sweep's folder, or 'reports/<run>' in the data folder)." };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("report", "Write a run's or a sweep's tables (CSV, Parquet, markdown with confidence intervals) and PNG plots.")
        {
            target, output, dataDir,
        };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            string name = result.GetValue(target)!;
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), null, null, token).ConfigureAwait(false);
            (SweepManifest manifest, string folder) = await FindAsync(host, name, token).ConfigureAwait(false);
            string destination = result.GetValue(output) ?? folder;
            SweepResults results = await new ResultCollector(host.State, host.Summaries).CollectAsync(manifest.Spec, manifest.Runs, token).ConfigureAwait(false);
            if (results.Rows.Count == 0) throw new UserInputException($"'{name}' has no finished run with metrics yet ({results.Missing.Count} missing).");
            (IReadOnlyList<string> files, string table) = await ReportWriter.WriteAsync(destination, results, token).ConfigureAwait(false);
            Console.Out.Write(table);
            Console.Out.WriteLine($"wrote {string.Join(", ", files.Select(Path.GetFileName))} to {destination}");
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }

    private static async Task<(SweepManifest Manifest, string Folder)> FindAsync(EngineHost host, string name, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(name, SweepManifest.FileName))) return (SweepManifest.Read(name), name);
        string named = SweepManifest.Folder(host.DataFolder, name);
        if (!name.Contains('/', StringComparison.Ordinal) && File.Exists(Path.Combine(named, SweepManifest.FileName))) return (SweepManifest.Read(named), named);
        RunRecord run = await host.State.GetRunAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new UserInputException($"'{name}' is neither a run's id, a sweep's name in {host.DataFolder} nor a sweep's folder (see 'prefflow list').");
        var spec = new SweepSpec(run.Id, $"Run {run.Id} of '{run.DefinitionId}' version {run.DefinitionVersion}, seed {run.Seed}.",
            [new SweepArm(run.DefinitionId, run.DefinitionId, new Dictionary<string, string>())], [], [run.Seed], [], new SweepPlot(null, null));
        var member = new SweepMember(new SweepCell(run.DefinitionId, []), run.Seed, run.Id);
        return (new SweepManifest(spec, [member]), Path.Combine(host.DataFolder, "reports", run.Id));
    }
}
