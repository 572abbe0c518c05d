using PrefFlow.Host.Hosting;
using PrefFlow.Host.Rendering;
using PrefFlow.Storage.State;
using PrefFlow.Workflows.Runtime;
using Spectre.Console;
using System.CommandLine;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow list</c>: the runs in the data folder, newest first.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var status = new Option<RunStatus?>("--status") { Description = "Only runs with this status (pending, running, succeeded, failed, cancelled, interrupted)." };
        var definition = new Option<string?>("--definition") { Description = "Only runs of this definition id." };
        var limit = new Option<int>("--limit") { Description = "The most runs to list (1-1000).", DefaultValueFactory = _ => 50 };
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json("the runs");
        var command = new Command("list", "List runs, newest first.") { status, definition, limit, dataDir, json };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            int take = result.GetValue(limit);
            if (take is < 1 or > 1000) throw new ArgumentException($"--limit must be 1 to 1000, but it is {take}.");
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), null, null, token).ConfigureAwait(false);
            IReadOnlyList<RunRecord> runs = await RunLister.ListAsync(
                host.State, new RunQuery(result.GetValue(definition), result.GetValue(status), 0, take), DateTimeOffset.UtcNow, token).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                Console.Out.WriteLine(new JsonArray(runs.Select(run => (JsonNode)RunJson.Of(run)).ToArray()).ToJsonString(RunJson.Indented));
                return CliAction.Succeeded;
            }
            var table = new Table().AddColumns("run", "definition", "status", "seed", "created", "finished");
            foreach (RunRecord run in runs)
            {
                table.AddRow(Markup.Escape(run.Id), Markup.Escape($"{run.DefinitionId} v{run.DefinitionVersion}"), RunJson.Name(RunOwner.EffectiveStatus(run, DateTimeOffset.UtcNow)),
                    run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{run.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}",
                    run.FinishedAt is { } finished ? $"{finished.ToLocalTime():yyyy-MM-dd HH:mm:ss}" : "");
            }
            AnsiConsole.Write(table);
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }
}
