using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PrefFlow.TestSupport;

namespace PrefFlow.Benchmarks;

/// <summary>
/// The server on PostgreSQL (clustered Quartz) and Azurite with real 'prefflow serve' processes, one host against
/// three on the same machine, each phase on a fresh database: (1) schedule fire to first node start, from a schedule
/// ticking every second (the tick's scheduled time is in the run's id; the node start in its journal); (2) nodes per
/// second of runs of 31 nearly no-op nodes (a task and 30 one-prompt draws) started at once; (3) with three hosts,
/// the time from killing a host (SIGKILL) to its run resuming on another. The ratio column is three hosts over one.
/// </summary>
internal static class ClusterBenchmark
{
    private const int ThroughputRuns = 8;
    private const int FanOut = 30;
    private static readonly TimeSpan Ticking = TimeSpan.FromSeconds(25);

    public static void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private sealed record Phase(int Hosts, IReadOnlyList<double> FireToNodeMs, double NodesPerSecond, double? RecoverySeconds, double CheckinSeconds);

    private static async Task RunAsync(TextWriter output)
    {
        output.WriteLine("cluster: 'prefflow serve' hosts on PostgreSQL (clustered Quartz) and Azurite, HTTP on loopback, one machine");
        Phase one = await MeasureAsync(1, output);
        Phase three = await MeasureAsync(3, output);
        output.WriteLine($"  {"",-36} {"1 host",12} {"3 hosts",12} {"ratio",8}");
        Row(output, "fire -> first node start p50 (ms)", Percentile(one.FireToNodeMs, 0.50), Percentile(three.FireToNodeMs, 0.50));
        Row(output, "fire -> first node start p99 (ms)", Percentile(one.FireToNodeMs, 0.99), Percentile(three.FireToNodeMs, 0.99));
        Row(output, "nearly no-op nodes per second", one.NodesPerSecond, three.NodesPerSecond);
        output.WriteLine($"  ({one.FireToNodeMs.Count} and {three.FireToNodeMs.Count} ticks; {ThroughputRuns} runs of {FanOut + 1} nodes each)");
        output.WriteLine($"  kill -9 of one of 3 hosts -> its run resumed on another: {three.RecoverySeconds:0.0} s (check-in interval {three.CheckinSeconds:0} s)");
    }

    private static async Task<Phase> MeasureAsync(int hostCount, TextWriter output)
    {
        var database = new PostgresTestDatabase();
        var blobs = new AzuriteTestContainer();
        await database.InitializeAsync();
        await blobs.InitializeAsync();
        const int checkin = 5;
        var environment = new Dictionary<string, string>
        {
            ["PREFFLOW_STATE_STORE"] = "postgres",
            ["PREFFLOW_POSTGRES"] = database.ConnectionString,
            ["PREFFLOW_ARTIFACT_STORE"] = "azure",
            ["PREFFLOW_AZURE_BLOB"] = AzuriteTestContainer.ConnectionString,
            ["PREFFLOW_AZURE_CONTAINER"] = blobs.ContainerName,
            ["PREFFLOW_CLUSTER"] = "1",
            ["PREFFLOW_CLUSTER_CHECKIN_SECONDS"] = checkin.ToString(CultureInfo.InvariantCulture),
            ["PREFFLOW_MAX_RUNS"] = "2",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var hosts = new List<TestServer>();
        try
        {
            hosts.Add(TestServer.Start(NewFolder(), environment));
            for (int i = 1; i < hostCount; i++) hosts.Add(TestServer.Start(NewFolder(), environment, hosts[0].Keys));
            using HttpClient client = hosts[0].Client("admin");
            await PublishAsync(client, "bench-fire", """{"id":"bench-fire","version":1,"name":"one node","nodes":[{"id":"task","activity":"task"}]}""");
            await PublishAsync(client, "bench-fanout", FanOutDefinition());
            await PublishAsync(client, "bench-long", LongDefinition());
            output.WriteLine($"  {hostCount} host(s) up; ticking for {Ticking.TotalSeconds:0} s ...");
            IReadOnlyList<double> latencies = await FireToFirstNodeAsync(client);
            double nodesPerSecond = await ThroughputAsync(client);
            double? recovery = hostCount >= 2 ? await RecoveryAsync(client, hosts[1]) : null;
            output.WriteLine($"  {hostCount} host(s): fire -> first node p50 {Percentile(latencies, 0.5):0} ms, p99 {Percentile(latencies, 0.99):0} ms over {latencies.Count} ticks; " +
                             $"{nodesPerSecond:0.0} nodes/s" + (recovery is { } r ? $"; killed host's run resumed after {r:0.0} s" : ""));
            return new Phase(hostCount, latencies, nodesPerSecond, recovery, checkin);
        }
        finally
        {
            foreach (TestServer host in hosts) host.Dispose();
            await blobs.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<double>> FireToFirstNodeAsync(HttpClient client)
    {
        await SendAsync(client, HttpMethod.Put, "/api/schedules/bench-ticks", """{"cron":"* * * * * ?","definitionId":"bench-fire","overlap":"allow"}""");
        await Task.Delay(Ticking);
        await SendAsync(client, HttpMethod.Post, "/api/schedules/bench-ticks/pause", null);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var latencies = new List<double>();
        foreach (JsonNode? run in (await GetAsync(client, "/api/runs?schedule=bench-ticks&take=500"))["items"]!.AsArray())
        {
            string id = (string)run!["id"]!;
            DateTimeOffset tick = DateTimeOffset.ParseExact(id["bench-ticks-".Length..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            JsonNode? started = await WaitForEntryAsync(client, id, "node.started");
            latencies.Add(((DateTimeOffset)started!["at"]! - tick).TotalMilliseconds);
        }
        return latencies;
    }

    private static async Task<double> ThroughputAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        var runs = new List<string>();
        for (int i = 0; i < ThroughputRuns; i++)
        {
            runs.Add((string)(await SendAsync(client, HttpMethod.Post, "/api/runs", $$"""{"definitionId":"bench-fanout","seed":{{i + 1}} }"""))["id"]!);
        }
        foreach (string run in runs) await WaitForEntryAsync(client, run, "run.succeeded");
        return ThroughputRuns * (FanOut + 1) / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RecoveryAsync(HttpClient client, TestServer victim)
    {
        var runs = new List<string>();
        // Two runs per host (PREFFLOW_MAX_RUNS) fill every host, so the victim gets some.
        for (int i = 0; i < 6; i++) runs.Add((string)(await SendAsync(client, HttpMethod.Post, "/api/runs", $$"""{"definitionId":"bench-long","seed":{{100 + i}} }"""))["id"]!);
        string? onVictim = null;
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (onVictim is null)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no run started on the host with process id {victim.Process.Id} in 3 minutes");
            foreach (string run in runs)
            {
                JsonNode journal = await GetAsync(client, $"/api/runs/{run}/journal");
                if (journal["items"]!.AsArray().Any(e => (string?)e!["kind"] == "node.started") &&
                    journal["items"]!.AsArray().Any(e => (string?)e!["kind"] == "run.started" && ((string)e!["message"]!).Contains($":{victim.Process.Id}:", StringComparison.Ordinal)))
                {
                    onVictim = run;
                }
            }
            await Task.Delay(50);
        }
        DateTimeOffset killed = DateTimeOffset.UtcNow;
        victim.Process.KillHard();
        JsonNode? resumed = await WaitForEntryAsync(client, onVictim, "run.resumed");
        return ((DateTimeOffset)resumed!["at"]! - killed).TotalSeconds;
    }

    private static async Task<JsonNode?> WaitForEntryAsync(HttpClient client, string run, string kind)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            JsonNode journal = await GetAsync(client, $"/api/runs/{run}/journal");
            if (journal["items"]!.AsArray().FirstOrDefault(e => (string?)e!["kind"] == kind) is { } entry) return entry;
            await Task.Delay(100);
        }
        throw new TimeoutException($"run {run} wrote no {kind} in 5 minutes");
    }

    private static async Task PublishAsync(HttpClient client, string id, string json)
    {
        await SendAsync(client, HttpMethod.Post, "/api/definitions", json);
        await SendAsync(client, HttpMethod.Post, $"/api/definitions/{id}/publish", null);
    }

    private static string FanOutDefinition()
    {
        var nodes = new JsonArray(new JsonObject { ["id"] = "task", ["activity"] = "task" });
        var edges = new JsonArray();
        for (int i = 0; i < FanOut; i++)
        {
            nodes.Add(new JsonObject
            {
                ["id"] = $"p{i}",
                ["activity"] = "prompts",
                ["inputs"] = new JsonObject { ["task"] = "${nodes.task.outputs.task}", ["split"] = "train", ["count"] = 1, ["stream"] = i },
            });
            edges.Add(new JsonObject { ["from"] = "task", ["to"] = $"p{i}" });
        }
        return new JsonObject { ["id"] = "bench-fanout", ["version"] = 1, ["name"] = "a task and 30 one-prompt draws", ["nodes"] = nodes, ["edges"] = edges }.ToJsonString();
    }

    private static string LongDefinition()
    {
        var nodes = new JsonArray(new JsonObject { ["id"] = "task", ["activity"] = "task" });
        var edges = new JsonArray();
        for (int i = 1; i <= 8; i++)
        {
            nodes.Add(new JsonObject
            {
                ["id"] = $"draw{i}",
                ["activity"] = "prompts",
                ["inputs"] = new JsonObject { ["task"] = "${nodes.task.outputs.task}", ["split"] = "train", ["count"] = 200_000, ["stream"] = i },
            });
            edges.Add(new JsonObject { ["from"] = i == 1 ? "task" : $"draw{i - 1}", ["to"] = $"draw{i}" });
        }
        return new JsonObject { ["id"] = "bench-long", ["version"] = 1, ["name"] = "eight long draws in a row", ["nodes"] = nodes, ["edges"] = edges }.ToJsonString();
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) => (await client.GetFromJsonAsync<JsonNode>(path))!;

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        double rank = p * (sorted.Count - 1);
        int low = (int)Math.Floor(rank), high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static void Row(TextWriter output, string name, double one, double three) =>
        output.WriteLine($"  {name,-36} {one,12:0.0} {three,12:0.0} {three / one,8:0.00}");

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "prefflow-bench-cluster-" + Guid.NewGuid().ToString("N"));
}
