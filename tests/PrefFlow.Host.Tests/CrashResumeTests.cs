using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PrefFlow.Host.Tests;

/// <summary>
/// A run cancelled, then killed with SIGKILL at three points (inside 'sample', inside 'train' after a checkpoint,
/// between two nodes), with one of its committed blobs altered on disk, and resumed each time, ends byte-identical
/// to an uninterrupted run with the same seed.
/// </summary>
[Collection(MiniRunCollection.Name)]
public sealed class CrashResumeTests(MiniRun reference, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "prefflow-crash-" + Guid.NewGuid().ToString("N"));
    private const string RunId = "crash-run";

    [Fact]
    public void A_run_interrupted_every_way_and_resumed_equals_an_uninterrupted_one()
    {
        // 1. Cancelled from another process while 'pretrain' trains.
        using (RunningPrefFlow run = Start("run", MiniRun.DefinitionPath, "--seed", $"{MiniRun.Seed}", "--run-id", RunId))
        {
            run.WaitFor(line => IsNode(line, "pretrain") && line.Contains("started", StringComparison.Ordinal), Patience);
            var cancel = PrefFlowProcess.Run("cancel", RunId, "--data-dir", _data);
            Assert.Equal(0, cancel.ExitCode);
            Assert.Equal(1, run.WaitForExit(Patience));
            Assert.Contains("cancelled", run.Output, StringComparison.Ordinal);
        }
        Assert.Equal("cancelled", Status()["status"]!.GetValue<string>());

        // 2. Killed inside 'sample' of the first iteration; then a committed blob is altered on disk.
        KillWhen(line => IsNode(line, "iterations/0/sample") && line.Contains("started", StringComparison.Ordinal));
        Assert.Equal("interrupted", Status()["status"]!.GetValue<string>());
        string altered = AlterBlob("offline_sample", "responses");

        // 3. Killed inside 'train' of the first iteration, after its first checkpoint.
        KillWhen(line => IsNode(line, "iterations/0/train") && line.Contains("checkpoint saved", StringComparison.Ordinal));

        // 4. Killed between nodes: just after the second iteration's oracle committed.
        KillWhen(line => IsNode(line, "iterations/1/oracle") && line.Contains("committed", StringComparison.Ordinal));

        // 5. Resumed to the end.
        var clock = Stopwatch.StartNew();
        var final = PrefFlowProcess.Run(Patience, "resume", RunId, "--data-dir", _data, "--json");
        output.WriteLine($"last resume to completion: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(final.ExitCode == 0, final.Error);
        JsonObject resumed = JsonNode.Parse(final.Output)!.AsObject();

        Assert.Equal("succeeded", resumed["status"]!.GetValue<string>());
        Assert.Equal(MiniRun.ArtifactHashes(reference.Json), MiniRun.ArtifactHashes(resumed));
        Assert.Equal(MiniRun.Metrics(reference.Json), MiniRun.Metrics(resumed));
        string journal = PrefFlowProcess.Run("logs", RunId, "--data-dir", _data, "--json").Output;
        Assert.Contains("\"kind\":\"artifact.corrupt\",\"node\":\"offline_sample\"", journal, StringComparison.Ordinal);
        Assert.Contains(altered, journal, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"checkpoint.loaded\",\"node\":\"iterations/0/train\"", journal, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"node.reused\",\"node\":\"pretrain\"", journal, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    private RunningPrefFlow Start(params string[] arguments) => RunningPrefFlow.Start(null, [.. arguments, "--data-dir", _data]);

    private void KillWhen(Func<string, bool> match)
    {
        using RunningPrefFlow run = Start("resume", RunId);
        run.WaitFor(match, Patience);
        var clock = Stopwatch.StartNew();
        run.KillHard();
        output.WriteLine($"killed after: {run.Output.Split('\n').LastOrDefault(match)} ({clock.ElapsedMilliseconds} ms to die)");
    }

    private JsonObject Status()
    {
        var status = PrefFlowProcess.Run("status", RunId, "--data-dir", _data, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        return JsonNode.Parse(status.Output)!.AsObject();
    }

    // Flips one byte in the middle of the blob, as a failing disk or a careless hand would.
    private string AlterBlob(string node, string outputName)
    {
        JsonNode artifact = Status()["artifacts"]!.AsArray().Single(a => a!["node"]!.GetValue<string>() == node && a["output"]!.GetValue<string>() == outputName)!;
        string sha256 = artifact["sha256"]!.GetValue<string>();
        string file = Path.Combine(_data, "artifacts", sha256[..2], sha256);
        byte[] bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        return sha256;
    }

    private static bool IsNode(string line, string path) => line.Contains($"  {path} ", StringComparison.Ordinal);
}
