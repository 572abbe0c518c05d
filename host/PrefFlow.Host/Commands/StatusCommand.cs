using PrefFlow.Host.Hosting;
using PrefFlow.Host.Rendering;
using PrefFlow.Workflows.Runtime;
using Spectre.Console;
using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow status &lt;run&gt;</c>: a run's status, nodes and per-iteration metrics.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var run = CommonOptions.RunId();
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json("the run (nodes, per-iteration metrics, artifact hashes)");
        var command = new Command("status", "Show a run: its status, each node's latest attempt and the metrics of each iteration.") { run, dataDir, json };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), null, null, token).ConfigureAwait(false);
            RunSummary summary = await host.Summaries.ReadAsync(result.GetValue(run)!, token).ConfigureAwait(false);
            if (!result.GetValue(json)) AnsiConsole.Write(RunTables.Nodes(summary));
            RunReporter.Print(summary, result.GetValue(json));
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }
}
