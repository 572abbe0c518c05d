using PrefFlow.Host.Hosting;
using PrefFlow.Host.Scheduling;
using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow resume &lt;run&gt;</c>: continues a failed, cancelled or interrupted run from its committed outputs and checkpoints.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var run = CommonOptions.RunId();
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json("the finished run");
        var execution = new RunExecutionOptions();
        var command = new Command("resume", "Continue a run that failed, was cancelled or was interrupted: committed outputs whose blobs verify are reused, long nodes continue from their last checkpoint.")
        {
            run, dataDir, json,
        };
        foreach (Option option in execution.All) command.Options.Add(option);
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), execution.Engine(result), execution.Learning(result), token).ConfigureAwait(false);
            return await RunReporter.ExecuteAsync(host, SchedulerSettings.ForCli(host.DataFolder), result.GetValue(run)!, result.GetValue(json), token).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }
}
