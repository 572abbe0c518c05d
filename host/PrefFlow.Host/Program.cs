using System.CommandLine;
using PrefFlow.Host.Commands;
using Spectre.Console;

namespace PrefFlow.Host;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Piped output has no terminal width; keep result tables on one line per row.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        var root = new RootCommand("PrefFlow: iterative preference learning (iterative DPO) with a built-in TorchSharp backend.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ResumeCommand.Create());
        root.Subcommands.Add(CancelCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(LogsCommand.Create());
        root.Subcommands.Add(ArtifactsCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(PresetsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line per mistake and a pointer to help, instead of the whole help text.
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"prefflow: {error.Message}");
            Console.Error.WriteLine("prefflow: see 'prefflow --help' or 'prefflow <command> --help'");
            return 2;
        }
        return await parsed.InvokeAsync().ConfigureAwait(false);
    }
}
