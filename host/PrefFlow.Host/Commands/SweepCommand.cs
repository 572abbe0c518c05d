using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using PrefFlow.Host.Hosting;
using PrefFlow.Host.Reports;
using PrefFlow.Host.Scheduling;
using PrefFlow.Host.Sweeps;
using PrefFlow.Workflows.Runtime;

namespace PrefFlow.Host.Commands;

/// <summary>
/// <c>prefflow sweep &lt;definition|sweep file&gt;</c>: runs a grid of parameter values with several seeds, each as
/// an ordinary resumable run, then writes the results (CSV, Parquet, a markdown table with 95% confidence intervals,
/// plots) into the sweep's folder. Running the same command again completes only what is missing.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("sweep") { Description = "A sweep file (JSON with 'grid' or 'arms', e.g. experiments/fig2-instance-level.json), or a definition (file or built-in name) to sweep with --grid." };
        var grid = new Option<string[]>("--grid") { Description = "An axis of the grid: --grid name=v1,v2,... (repeatable; replaces the sweep file's axis of that name)." };
        var set = new Option<string[]>("--set") { Description = "Give every run a parameter value: --set name=value (repeatable)." };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds per cell: 1..N (default: the sweep file's, else 5)." };
        var quick = new Option<bool>("--quick") { Description = "Run the sweep file's 'quick' variant: fewer seeds and grid values, as a sanity check." };
        var name = new Option<string?>("--name") { Description = "The sweep's name, its folder under the data folder's 'sweeps' (default: the sweep file's, or one made from the definition and grid)." };
        var parallel = new Option<int>("--parallel") { Description = "Runs executing at once.", DefaultValueFactory = _ => 1 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the sweep and list its runs with their status, running nothing." };
        var dataDir = CommonOptions.DataDir();
        var execution = new RunExecutionOptions();
        var command = new Command("sweep", "Run a grid of parameter values with several seeds and write results with confidence intervals and plots.")
        {
            target, grid, set, seeds, quick, name, parallel, dryRun, dataDir, execution.Device, execution.Threads,
        };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            int runsAtOnce = result.GetValue(parallel);
            if (runsAtOnce < 1) throw new UserInputException($"--parallel must be at least 1, but it is {runsAtOnce}.");
            SweepSpec spec = Spec(result.GetValue(target)!, result.GetValue(grid) ?? [], result.GetValue(set) ?? [], result.GetValue(seeds),
                result.GetValue(quick), result.GetValue(name));
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), new EngineOptions { ReuseWorkAcrossRuns = true }, execution.Learning(result), token).ConfigureAwait(false);
            IReadOnlyList<PlannedRun> plan = SweepPlan.Expand(spec, host.Activities);
            if (result.GetValue(dryRun)) return await ListAsync(host, spec, plan, token).ConfigureAwait(false);
            string folder = SweepManifest.Folder(host.DataFolder, spec.Name);
            await new SweepManifest(spec, [.. plan.Select(run => run.Member)]).WriteAsync(folder, token).ConfigureAwait(false);
            int distinct = plan.Select(run => run.Member.RunId).Distinct(StringComparer.Ordinal).Count();
            Console.Out.WriteLine($"sweep {spec.Name}: {plan.Count / spec.Seeds.Count} cells x {spec.Seeds.Count} seeds = {distinct} runs, {runsAtOnce} at once; folder {folder}");

            SchedulerSettings scheduling = SchedulerSettings.ForCli(host.DataFolder) with { MaxConcurrency = Math.Max(runsAtOnce, 4) };
            var outcomes = await new SweepRunner(host, scheduling, Console.Out).RunAsync(plan, runsAtOnce, token).ConfigureAwait(false);

            SweepResults results = await new ResultCollector(host.State, host.Summaries).CollectAsync(spec, [.. plan.Select(run => run.Member)], token).ConfigureAwait(false);
            (IReadOnlyList<string> files, string table) = await ReportWriter.WriteAsync(folder, results, token).ConfigureAwait(false);
            Console.Out.WriteLine();
            Console.Out.Write(table);
            Console.Out.WriteLine($"wrote {string.Join(", ", files.Select(Path.GetFileName))} to {folder}");
            int failed = outcomes.Count(o => o.Status != Storage.State.RunStatus.Succeeded);
            if (failed == 0) return CliAction.Succeeded;
            Console.Error.WriteLine($"prefflow: {failed} of {outcomes.Count} runs did not succeed; run the same command again to complete them.");
            return CliAction.RunDidNotSucceed;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> ListAsync(EngineHost host, SweepSpec spec, IReadOnlyList<PlannedRun> plan, CancellationToken cancellationToken)
    {
        Console.Out.WriteLine($"sweep {spec.Name}: {plan.Count / spec.Seeds.Count} cells x {spec.Seeds.Count} seeds");
        foreach (PlannedRun run in plan)
        {
            var record = await host.State.GetRunAsync(run.Member.RunId, cancellationToken).ConfigureAwait(false);
            string status = record is null ? "missing" : Rendering.RunJson.Name(record.Status);
            Console.Out.WriteLine($"{run.Member.Cell.Label} seed {run.Member.Seed}: {status} ({run.Member.RunId})");
        }
        return CliAction.Succeeded;
    }

    private static SweepSpec Spec(string target, string[] grid, string[] set, int? seeds, bool quick, string? name)
    {
        if (seeds is < 1) throw new UserInputException($"--seeds must be at least 1, but it is {seeds}.");
        IReadOnlyDictionary<string, string> settings = RunCommand.ParseSettings(set);
        List<GridAxis> axes = [.. grid.Select(ParseAxis)];
        SweepSpec spec;
        if (SweepFile.IsSweep(target))
        {
            spec = SweepFile.Read(target, quick);
            var merged = spec.Grid.Select(axis => axes.FirstOrDefault(a => a.Parameter == axis.Parameter) ?? axis).ToList();
            merged.AddRange(axes.Where(a => spec.Grid.All(axis => axis.Parameter != a.Parameter)));
            spec = spec with
            {
                Grid = merged,
                Arms = [.. spec.Arms.Select(arm => arm with { Parameters = Merge(arm.Parameters, settings) })],
                Seeds = seeds is { } count ? SweepSeeds.Count(count, 1) : spec.Seeds,
            };
        }
        else
        {
            if (quick) throw new UserInputException("--quick needs a sweep file with a 'quick' section, not a definition.");
            DefinitionSource.Read(target);
            string label = Path.GetFileNameWithoutExtension(target);
            spec = new SweepSpec(DefaultName(label, axes, settings, seeds ?? 5), "", [new SweepArm(label, target, settings)], axes,
                SweepSeeds.Count(seeds ?? 5, 1), [], new SweepPlot(null, null));
        }
        if (name is not null) spec = spec with { Name = name };
        SweepNames.Check(spec.Name, "the sweep's name");
        PlotLayout.Check(spec.Plot, spec, message => new UserInputException($"sweep '{spec.Name}': {message}."));
        return spec;
    }

    private static GridAxis ParseAxis(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string[] values = equals > 0 ? text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        if (equals <= 0 || values.Length == 0) throw new UserInputException($"--grid '{text}': expected name=value1,value2,... e.g. --grid instanceStrategy=smallest,random.");
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length) throw new UserInputException($"--grid '{text}' lists a value twice.");
        return new GridAxis(text[..equals].Trim(), values);
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> then)
    {
        var merged = new Dictionary<string, string>(first, StringComparer.Ordinal);
        foreach ((string key, string value) in then) merged[key] = value;
        return merged;
    }

    // The same definition, grid, settings and seeds always get the same folder: rerunning the command finds it.
    private static string DefaultName(string label, IReadOnlyList<GridAxis> axes, IReadOnlyDictionary<string, string> settings, int seeds)
    {
        string key = string.Join('\n', axes.Select(a => $"{a.Parameter}={string.Join(',', a.Values)}")
            .Concat(settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"set {s.Key}={s.Value}")).Append($"seeds {seeds}"));
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        string prefix = new([.. label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        prefix = prefix.Length > 40 ? prefix[..40] : prefix;
        return $"{prefix.Trim('-')}-{hash}";
    }
}
