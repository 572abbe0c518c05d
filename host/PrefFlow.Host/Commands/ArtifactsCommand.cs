using PrefFlow.Host.Hosting;
using PrefFlow.Host.Rendering;
using PrefFlow.Storage.Artifacts;
using PrefFlow.Workflows.Runtime;
using Spectre.Console;
using System.CommandLine;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Commands;

/// <summary><c>prefflow artifacts &lt;run&gt;</c>: lists a run's artifacts, or exports them to a folder, verifying each.</summary>
internal static class ArtifactsCommand
{
    public static Command Create()
    {
        var run = CommonOptions.RunId();
        var export = new Option<string?>("--export") { Description = "Copy every artifact into this folder (verified as it is copied)." };
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json("the artifacts");
        var command = new Command("artifacts", "List a run's committed artifacts with their sha256, or export them to a folder.") { run, export, dataDir, json };
        command.SetAction((result, cancellationToken) => CliAction.RunAsync(async token =>
        {
            EngineHost host = await EngineHost.OpenAsync(result.GetValue(dataDir), null, null, token).ConfigureAwait(false);
            RunSummary summary = await host.Summaries.ReadAsync(result.GetValue(run)!, token).ConfigureAwait(false);
            if (result.GetValue(export) is { } folder)
            {
                Directory.CreateDirectory(folder);
                foreach (ArtifactEntry entry in summary.Artifacts)
                {
                    string file = Path.Combine(folder, FileName(entry));
                    await CopyAsync(host.Artifacts, entry.Artifact, file, token).ConfigureAwait(false);
                    Console.Out.WriteLine($"{file}  sha256:{entry.Artifact.Sha256}");
                }
                return CliAction.Succeeded;
            }
            if (result.GetValue(json))
            {
                JsonNode[] list = [.. summary.Artifacts.Select(RunJson.Artifact)];
                Console.Out.WriteLine(new JsonArray(list).ToJsonString(RunJson.Indented));
                return CliAction.Succeeded;
            }
            var table = new Table().AddColumns("node", "output", "media type", "bytes", "sha256");
            foreach (ArtifactEntry entry in summary.Artifacts)
            {
                table.AddRow(Markup.Escape(entry.NodePath), Markup.Escape(entry.Output), Markup.Escape(entry.Artifact.MediaType),
                    entry.Artifact.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), entry.Artifact.Sha256);
            }
            AnsiConsole.Write(table);
            return CliAction.Succeeded;
        }, cancellationToken));
        return command;
    }

    /// <summary>"iterations_2_train.policy.safetensors": the node path with '/' as '_', the output, an extension from the media type.</summary>
    private static string FileName(ArtifactEntry entry)
    {
        string type = entry.Artifact.MediaType;
        string extension = type.Contains("parquet", StringComparison.Ordinal) ? ".parquet"
            : type.Contains("safetensors", StringComparison.Ordinal) ? ".safetensors"
            : type.Contains("json", StringComparison.Ordinal) ? ".json"
            : ".bin";
        return $"{entry.NodePath.Replace('/', '_')}.{entry.Output}{extension}";
    }

    private static async Task CopyAsync(IArtifactStore store, ArtifactRef artifact, string file, CancellationToken cancellationToken)
    {
        string partial = file + ".partial";
        try
        {
            await using (Stream source = await store.OpenReadAsync(artifact, cancellationToken).ConfigureAwait(false))
            await using (FileStream target = File.Create(partial))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }
            File.Move(partial, file, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
