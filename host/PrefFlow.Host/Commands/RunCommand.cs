using PrefFlow.Host.Hosting;
using PrefFlow.Host.Scheduling;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;
using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow run &lt;definition&gt;</c>: starts a run and executes it to its end with live progress.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var definition = new Argument<string>("definition") { Description = "A definition's JSON file, or a built-in definition's name (e.g. budget-decrease)." };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: --set name=value (repeatable)." };
        var seed = new Option<ulong>("--seed") { Description = "The run's seed; every random choice derives from it.", DefaultValueFactory = _ => 1 };
        var runId = new Option<string?>("--run-id") { Description = "Give the run this id instead of a generated one." };
        var reuse = new Option<bool>("--reuse")
        {
            Description = "Reuse the outputs another run committed for a node with the same activity, inputs and seed, when their blobs still verify, instead of running it again.",
        };
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json("the finished run");
        var execution = new RunExecutionOptions();
        var command = new Command("run", "Start a run of a workflow definition and execute it to its end, printing progress and a results table.")
        {
            definition, set, seed, runId, reuse, dataDir, json,
        };
        foreach (Option option in execution.All) command.Options.Add(option);
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            IReadOnlyDictionary<string, string> parameters = ParseSettings(result.GetValue(set) ?? []);
            string text = DefinitionSource.Read(result.GetValue(definition)!);
            EngineOptions options = execution.Engine(result);
            options.ReuseWorkAcrossRuns = result.GetValue(reuse);
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), options, execution.Learning(result), token).ConfigureAwait(false);
            SchedulerSettings scheduling = SchedulerSettings.ForCli(host.DataFolder);
            RunRecord run = await host.Engine.CreateRunAsync(new RunRequest(text, parameters, result.GetValue(seed), result.GetValue(runId)), token).ConfigureAwait(false);
            (result.GetValue(json) ? Console.Error : Console.Out).WriteLine($"run {run.Id} created in {host.DataFolder}");
            return await RunReporter.ExecuteAsync(host, scheduling, run.Id, result.GetValue(json), token).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    /// <summary>"name=value" pairs; a name given twice keeps the last value.</summary>
    public static IReadOnlyDictionary<string, string> ParseSettings(IEnumerable<string> settings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string setting in settings)
        {
            int equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new UserInputException($"--set '{setting}': expected name=value, e.g. --set strategy=smallest.");
            values[setting[..equals].Trim()] = setting[(equals + 1)..];
        }
        return values;
    }
}
