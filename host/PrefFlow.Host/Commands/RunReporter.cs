using PrefFlow.Host.Hosting;
using PrefFlow.Host.Rendering;
using PrefFlow.Host.Scheduling;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;
using Spectre.Console;

namespace PrefFlow.Host.Commands;

/// <summary>
/// Executes a run with live progress, dispatched as a Quartz job, then prints its results table (or its JSON) and
/// returns the exit code.
/// </summary>
internal static class RunReporter
{
    public static async Task<int> ExecuteAsync(EngineHost host, SchedulerSettings scheduling, string runId, bool json, CancellationToken cancellationToken)
    {
        // With --json, stdout carries only the JSON; progress goes to stderr.
        TextWriter progress = json ? Console.Error : Console.Out;
        var printer = new ProgressPrinter(progress, Console.IsOutputRedirected ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(2));
        RunOutcome outcome;
        await using (RunDispatcher dispatcher = await RunDispatcher.StartAsync(scheduling, host.Engine, cancellationToken).ConfigureAwait(false))
        {
            outcome = await dispatcher.ExecuteAsync(runId, printer, cancellationToken).ConfigureAwait(false);
        }
        RunSummary summary = await host.Summaries.ReadAsync(runId, CancellationToken.None).ConfigureAwait(false);
        Print(summary, json);
        if (outcome.Status == RunStatus.Succeeded) return CliAction.Succeeded;
        Console.Error.WriteLine(outcome.Status == RunStatus.Failed
            ? $"prefflow: {outcome.Error}"
            : $"prefflow: run '{runId}' {RunJson.Name(outcome.Status)}; continue it with 'prefflow resume {runId}'.");
        return CliAction.RunDidNotSucceed;
    }

    public static void Print(RunSummary summary, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(RunJson.Of(summary).ToJsonString(RunJson.Indented));
            return;
        }
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine($"run [bold]{Markup.Escape(summary.Run.Id)}[/]: {RunJson.Name(summary.Status)}" +
                               $" (definition {Markup.Escape(summary.Run.DefinitionId)} v{summary.Run.DefinitionVersion}, seed {summary.Run.Seed})");
        if (summary.Iterations.Count > 0) AnsiConsole.Write(RunTables.Iterations(summary));
        if (summary.Run.Error is { } error) AnsiConsole.MarkupLine($"error: {Markup.Escape(error)}");
        if (summary.Timing is { } timing)
        {
            AnsiConsole.WriteLine($"time: {NumberFormat.Seconds(timing.WallSeconds)} in all, {NumberFormat.Seconds(timing.ActivitySeconds)} in activities, " +
                                  $"{timing.OutsideActivitiesSeconds:0.00} s outside them ({timing.OutsideActivitiesShare:P2})");
        }
    }
}
