using PrefFlow.Host.Hosting;
using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow cancel &lt;run&gt;</c>: asks the process executing a run to stop it, or marks an idle run cancelled.</summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var run = CommonOptions.RunId();
        var dataDir = CommonOptions.DataDir();
        var command = new Command("cancel", "Cancel a run: the process executing it stops at the next safe point (a resume can continue it).") { run, dataDir };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), null, null, token).ConfigureAwait(false);
            string id = result.GetValue(run)!;
            if (await host.Engine.CancelAsync(id, token).ConfigureAwait(false))
            {
                Console.Out.WriteLine($"run {id}: cancel requested.");
                return CliAction.Succeeded;
            }
            Console.Error.WriteLine($"prefflow: run '{id}' has already ended; nothing to cancel.");
            return CliAction.RunDidNotSucceed;
        }, cancellationToken));
        return command;
    }
}
