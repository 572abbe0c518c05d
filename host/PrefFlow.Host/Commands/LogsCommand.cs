using PrefFlow.Host.Hosting;
using PrefFlow.Host.Rendering;
using PrefFlow.Storage.State;
using System.CommandLine;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow logs &lt;run&gt;</c>: a run's journal, optionally for one node, optionally following new entries.</summary>
internal static class LogsCommand
{
    private const int Page = 1000;

    public static Command Create()
    {
        var run = CommonOptions.RunId();
        var node = new Option<string?>("--node") { Description = "Only entries of this node path (and the nodes under it, for a loop)." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new entries until the run ends." };
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json("each entry (one JSON object per line)");
        var command = new Command("logs", "Print a run's journal: node starts, commits, retries, incidents, checkpoints, progress and logs.") { run, node, follow, dataDir, json };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), null, null, token).ConfigureAwait(false);
            string id = result.GetValue(run)!;
            _ = await host.State.GetRunAsync(id, token).ConfigureAwait(false) ?? throw new UserInputException($"no run has the id '{id}'.");
            string? only = result.GetValue(node);
            long after = 0;
            while (true)
            {
                IReadOnlyList<JournalEntry> entries = await host.State.ReadJournalAsync(id, after, Page, token).ConfigureAwait(false);
                foreach (JournalEntry entry in entries.Where(entry => only is null || entry.NodePath is { } path && (path == only || path.StartsWith(only + "/", StringComparison.Ordinal))))
                {
                    Console.Out.WriteLine(result.GetValue(json) ? Json(entry) : $"{entry.At.ToLocalTime():yyyy-MM-dd HH:mm:ss.fff}  {entry.Kind,-18} {entry.NodePath ?? "run",-28}  {entry.Message}");
                }
                if (entries.Count > 0) after = entries[^1].Sequence;
                if (entries.Count == Page) continue;
                if (!result.GetValue(follow)) return CliAction.Succeeded;
                RunRecord? current = await host.State.GetRunAsync(id, token).ConfigureAwait(false);
                if (current?.Status is not (RunStatus.Running or RunStatus.Pending)) return CliAction.Succeeded;
                await Task.Delay(TimeSpan.FromMilliseconds(500), token).ConfigureAwait(false);
            }
        }, cancellationToken));
        return command;
    }

    private static string Json(JournalEntry entry) => JournalJson.Of(entry).ToJsonString(RunJson.Compact);
}
