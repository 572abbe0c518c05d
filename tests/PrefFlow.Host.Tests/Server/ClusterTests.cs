using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace PrefFlow.Host.Tests.Server;

/// <summary>
/// Several real hosts on PostgreSQL (clustered Quartz) and Azurite: they share runs, survive the loss of one, and agree
/// with the CLI working on the same stores.
/// </summary>
public sealed class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Three_hosts_share_ten_runs_and_finish_them_all_when_one_is_killed_with_each_node_committed_once()
    {
        using TestServer first = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment);
        using TestServer second = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment, first.Keys);
        using TestServer third = TestServer.Start(ClusterFixture.NewFolder(), cluster.Environment, first.Keys);
        using HttpClient editor = first.Client("editor");
        using HttpClient operatorClient = first.Client("operator");
        string definition = await TestApi.PublishAsync(editor, "task-prompts.json", "shared-" + Guid.NewGuid().ToString("N")[..8]);

        // Seeds of their own: a server reuses work committed with the same inputs and seed, and every node here must run.
        ulong seeds = (ulong)Random.Shared.NextInt64(1_000_000, 1_000_000_000);
        var runs = new List<string>();
        for (int i = 0; i < 10; i++) runs.Add((string)(await TestApi.StartAsync(operatorClient, definition, """{"count":600000}""", seed: seeds + (ulong)i))["id"]!);
        // Kill the second host as soon as it executes one of the runs.
        string victim = await WaitForRunOnAsync(operatorClient, runs, second.Process.Id);
        var killed = Stopwatch.StartNew();
        second.Process.KillHard();

        foreach (string run in runs) await TestApi.WaitForStatusAsync(operatorClient, run, Timeout, "succeeded");
        TimeSpan recovered = await ResumedAfterAsync(operatorClient, victim, killed);
        output.WriteLine($"run {victim} of the killed host resumed elsewhere {recovered.TotalSeconds:0.0} s after the kill");

        var owners = new HashSet<string>();
        foreach (string run in runs)
        {
            JsonNode journal = await TestApi.GetAsync(operatorClient, $"/api/runs/{run}/journal");
            var committed = journal["items"]!.AsArray().Where(e => (string?)e!["kind"] == "node.committed").Select(e => (string)e!["node"]!).ToList();
            Assert.Equal(["prompts", "task"], committed.Order());
            // "started by host:pid:id, seed n" and "resumed by ..." name the executing process; other run entries
            // (run.recovered: "left running by a stopped process") do not.
            foreach (JsonNode? entry in journal["items"]!.AsArray().Where(e => (string?)e!["kind"] is "run.started" or "run.resumed"))
            {
                owners.Add(((string)entry!["message"]!).Split(" by ")[1].Split(':')[1]);
            }
            foreach (JsonNode? artifact in (await TestApi.GetAsync(operatorClient, $"/api/runs/{run}/artifacts")).AsArray())
            {
                byte[] bytes = await operatorClient.GetByteArrayAsync(new Uri($"/api/runs/{run}/artifacts/{artifact!["sha256"]}", UriKind.Relative));
                Assert.Equal((string)artifact["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }
        Assert.True(owners.Count >= 2, $"the runs were executed by {owners.Count} host(s): {string.Join(", ", owners)}");
        Assert.Contains(second.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), owners);
    }

    [Fact]
    public async Task The_cli_and_the_api_see_resume_and_cancel_each_others_runs()
    {
        string folder = ClusterFixture.NewFolder();
        using TestServer server = TestServer.Start(folder, cluster.Environment);
        using HttpClient editor = server.Client("editor");
        using HttpClient operatorClient = server.Client("operator");
        string definition = await TestApi.PublishAsync(editor, "long-prompts.json", "cli-api-" + Guid.NewGuid().ToString("N")[..8]);

        // A long run started by the API is seen by the CLI and cancelled from it.
        string apiRun = (string)(await TestApi.StartAsync(operatorClient, definition))["id"]!;
        await TestApi.WaitForStatusAsync(operatorClient, apiRun, Timeout, "running");
        Assert.Equal("running", (string?)JsonNode.Parse(Cli(folder, "status", apiRun, "--json"))!["status"]);
        Cli(folder, "cancel", apiRun);
        await TestApi.WaitForStatusAsync(operatorClient, apiRun, Timeout, "cancelled");

        // The API resumes what the CLI cancelled, and cancels it again.
        await TestApi.PostAsync(operatorClient, $"/api/runs/{apiRun}/resume", null, HttpStatusCode.Accepted);
        await TestApi.WaitForStatusAsync(operatorClient, apiRun, Timeout, "running");
        await TestApi.PostAsync(operatorClient, $"/api/runs/{apiRun}/cancel", null, HttpStatusCode.Accepted);
        await TestApi.WaitForStatusAsync(operatorClient, apiRun, Timeout, "cancelled");

        // A run started by the CLI is seen by the API; the CLI resumes a run the API cancelled; a finished run cannot be resumed.
        string cliRun = (string)JsonNode.Parse(Cli(folder, "run", Path.Combine(AppContext.BaseDirectory, "Definitions", "task-prompts.json"), "--json"))!["id"]!;
        Assert.Equal("succeeded", (string?)(await TestApi.GetAsync(operatorClient, $"/api/runs/{cliRun}"))["status"]);
        JsonNode conflict = await TestApi.PostAsync(operatorClient, $"/api/runs/{cliRun}/resume", null, HttpStatusCode.Conflict);
        Assert.Contains("already succeeded", (string?)conflict["detail"]);
        string smallRun = (string)(await TestApi.StartAsync(operatorClient, definition, seed: 2))["id"]!;
        await TestApi.WaitForStatusAsync(operatorClient, smallRun, Timeout, "running");
        await TestApi.PostAsync(operatorClient, $"/api/runs/{smallRun}/cancel", null, HttpStatusCode.Accepted);
        await TestApi.WaitForStatusAsync(operatorClient, smallRun, Timeout, "cancelled");
        JsonNode listed = await TestApi.GetAsync(operatorClient, $"/api/runs?definition={definition}&status=cancelled");
        Assert.Equal(2, listed["items"]!.AsArray().Count);
    }

    private string Cli(string folder, params string[] arguments)
    {
        using RunningPrefFlow cli = RunningPrefFlow.Start(cluster.Environment, [.. arguments, "--data-dir", folder]);
        int exit = cli.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"prefflow {string.Join(' ', arguments)} exited {exit}:\n{cli.Output}");
        return cli.StandardOutput;
    }

    // The first of the runs whose journal says the host with this process id started it.
    private static async Task<string> WaitForRunOnAsync(HttpClient client, IReadOnlyList<string> runs, int processId)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (string run in runs)
            {
                JsonNode journal = await TestApi.GetAsync(client, $"/api/runs/{run}/journal");
                if (journal["items"]!.AsArray().Any(e => (string?)e!["kind"] == "run.started" && ((string)e!["message"]!).Contains($":{processId}:", StringComparison.Ordinal))) return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no run started on the host with process id {processId}");
    }

    private static async Task<TimeSpan> ResumedAfterAsync(HttpClient client, string run, Stopwatch killed)
    {
        JsonNode journal = await TestApi.GetAsync(client, $"/api/runs/{run}/journal");
        JsonNode started = journal["items"]!.AsArray().Last(e => (string?)e!["kind"] == "run.started")!;
        JsonNode resumed = journal["items"]!.AsArray().First(e => (string?)e!["kind"] == "run.resumed")!;
        Assert.NotNull(resumed);
        return (DateTimeOffset)resumed["at"]! - DateTimeOffset.UtcNow + killed.Elapsed > TimeSpan.Zero
            ? (DateTimeOffset)resumed["at"]! - (DateTimeOffset.UtcNow - killed.Elapsed)
            : TimeSpan.Zero;
    }
}
