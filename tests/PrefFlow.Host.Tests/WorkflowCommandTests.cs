using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests;

/// <summary>The workflow verbs on a finished run, and their answers to mistakes: one line, exit code 2, no stack trace.</summary>
[Collection(MiniRunCollection.Name)]
public sealed class WorkflowCommandTests(MiniRun finished)
{
    [Fact]
    public void Run_json_holds_status_parameters_timing_per_iteration_metrics_and_every_artifact_hash()
    {
        JsonObject run = finished.Json;

        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(MiniRun.Seed, run["seed"]!.GetValue<ulong>());
        Assert.Equal("mini-iterations", run["definition"]!["id"]!.GetValue<string>());
        Assert.Equal(40, run["parameters"]!["sftSteps"]!.GetValue<int>());
        JsonArray iterations = run["iterations"]!.AsArray();
        Assert.Equal([48, 32], iterations.Where(i => i!["index"] is not null).Select(i => i!["budget"]!.GetValue<int>()));
        foreach (JsonNode? iteration in iterations.Where(i => i!["index"] is not null))
        {
            JsonObject metrics = iteration!["metrics"]!.AsObject();
            foreach (string name in new[] { "kept", "loss", "goldWinRate", "judgeWinRate", "kl", "meanLength" }) Assert.True(metrics.ContainsKey(name), name);
            Assert.Equal(iteration["keptPairs"]!.GetValue<int>(), metrics["kept"]!.GetValue<int>());
        }
        Assert.Contains(run["artifacts"]!.AsArray(), a => a!["node"]!.GetValue<string>() == "iterations/1/train" && a["output"]!.GetValue<string>() == "policy");
        Assert.All(run["artifacts"]!.AsArray(), a => Assert.Matches("^[0-9a-f]{64}$", a!["sha256"]!.GetValue<string>()));
        Assert.InRange(run["timing"]!["outsideActivitiesShare"]!.GetValue<double>(), 0, 1);
    }

    [Fact]
    public void Status_list_and_logs_show_the_finished_run()
    {
        var status = PrefFlowProcess.Run("status", finished.RunId, "--data-dir", finished.DataFolder);
        var list = PrefFlowProcess.Run("list", "--data-dir", finished.DataFolder);
        var logs = PrefFlowProcess.Run("logs", finished.RunId, "--data-dir", finished.DataFolder, "--node", "iterations/1");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("iterations/1/train", status.Output, StringComparison.Ordinal);
        Assert.Contains("iterations #2", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(finished.RunId, list.Output, StringComparison.Ordinal);
        Assert.Equal(0, logs.ExitCode);
        Assert.Contains("iterations/1/eval", logs.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("iterations/0/", logs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Artifacts_export_writes_every_artifact_whose_bytes_hash_to_its_name()
    {
        string folder = Path.Combine(Path.GetTempPath(), "prefflow-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var export = PrefFlowProcess.Run("artifacts", finished.RunId, "--data-dir", finished.DataFolder, "--export", folder);

            Assert.Equal(0, export.ExitCode);
            JsonArray artifacts = finished.Json["artifacts"]!.AsArray();
            Assert.Equal(artifacts.Count, Directory.GetFiles(folder).Length);
            string policy = Path.Combine(folder, "iterations_1_train.policy.safetensors");
            string expected = artifacts.Single(a => a!["node"]!.GetValue<string>() == "iterations/1/train" && a["output"]!.GetValue<string>() == "policy")!["sha256"]!.GetValue<string>();
            Assert.Equal(expected, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(policy))));
            Assert.True(File.Exists(Path.Combine(folder, "iterations_0_sample.responses.parquet")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_finished_run_is_neither_resumed_nor_cancelled()
    {
        var resume = PrefFlowProcess.Run("resume", finished.RunId, "--data-dir", finished.DataFolder);
        var cancel = PrefFlowProcess.Run("cancel", finished.RunId, "--data-dir", finished.DataFolder);

        Assert.Equal(2, resume.ExitCode);
        Assert.Contains("already succeeded", resume.Error, StringComparison.Ordinal);
        Assert.Equal(1, cancel.ExitCode);
        Assert.Contains("has already ended", cancel.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no run has the id 'nope'", "status", "nope")]
    [InlineData("no run has the id 'nope'", "resume", "nope")]
    [InlineData("no run has the id 'nope'", "cancel", "nope")]
    [InlineData("no run has the id 'nope'", "logs", "nope")]
    [InlineData("no run has the id 'nope'", "artifacts", "nope")]
    [InlineData("definition 'no-such-thing' not found", "run", "no-such-thing")]
    [InlineData("parameter 'bogus': the definition 'budget-decrease' has no such parameter", "run", "budget-decrease", "--set", "bogus=1")]
    [InlineData("parameter 'sftSteps' must be an integer, but it is the string \"many\"", "run", "budget-decrease", "--set", "sftSteps=many")]
    [InlineData("--set 'preset': expected name=value", "run", "budget-decrease", "--set", "preset")]
    [InlineData("--device 'gpu' is unknown", "run", "budget-decrease", "--device", "gpu")]
    [InlineData("--parallel must be at least 1", "run", "budget-decrease", "--parallel", "0")]
    [InlineData("--limit must be 1 to 1000", "list", "--limit", "0")]
    [InlineData("the run id 'Bad Id!' is not valid", "run", "budget-decrease", "--run-id", "Bad Id!")]
    public void Mistakes_get_one_clear_line_and_exit_code_2(string expected, params string[] arguments)
    {
        string data = Path.Combine(Path.GetTempPath(), "prefflow-mistakes-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = PrefFlowProcess.Run([.. arguments, "--data-dir", data]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", result.Error + result.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Validate_accepts_every_built_in_definition()
    {
        foreach (string name in new[] { "paper-single-iteration", "always-smallest", "always-smallest-updated-reference", "always-random", "budget-increase", "budget-constant", "budget-decrease" })
        {
            var result = PrefFlowProcess.Run("validate", name);
            Assert.True(result.ExitCode == 0, $"{name}: {result.Output}{result.Error}");
            Assert.Contains($"{name} v2: valid", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_lists_each_error_with_its_pointer_and_exits_1()
    {
        string file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"id": "Bad", "version": 0, "name": "x", "nodes": [{"id": "a", "activity": "sample", "inputs": {"temperature": -1}}], "edges": []}""");
        try
        {
            var text = PrefFlowProcess.Run("validate", file);
            var json = PrefFlowProcess.Run("validate", file, "--json");

            Assert.Equal(1, text.ExitCode);
            Assert.Contains("/id: ", text.Output, StringComparison.Ordinal);
            Assert.Contains("/version: ", text.Output, StringComparison.Ordinal);
            Assert.Contains("/nodes/0/inputs/temperature: ", text.Output, StringComparison.Ordinal);
            JsonObject parsed = JsonNode.Parse(json.Output)!.AsObject();
            Assert.False(parsed["valid"]!.GetValue<bool>());
            Assert.Contains(parsed["errors"]!.AsArray(), e => e!["pointer"]!.GetValue<string>() == "/nodes/0/inputs/temperature");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_definition_that_is_not_json_is_named_with_the_problem()
    {
        string file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{ \"id\": ");
        try
        {
            var result = PrefFlowProcess.Run("validate", file);

            Assert.Equal(1, result.ExitCode);
            Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(result.Output));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
