using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests.Server;

/// <summary>Runs through the API on the embedded stores: execution, events, logs, artifacts with ranges, listing and deletion.</summary>
public sealed class RunApiTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_run_started_through_the_api_executes_streams_its_journal_serves_verified_artifacts_and_is_deleted_with_them()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient operatorClient = fixture.Server.Client("operator");
        string definition = await TestApi.PublishAsync(editor, "task-prompts.json", "api-run-" + Guid.NewGuid().ToString("N")[..8]);

        JsonNode started = await TestApi.StartAsync(operatorClient, definition, """{"count":16}""", seed: 7);
        string runId = (string)started["id"]!;
        JsonNode run = await TestApi.WaitForStatusAsync(operatorClient, runId, Timeout, "succeeded", "failed");

        Assert.Equal("succeeded", (string?)run["status"]);
        Assert.Equal(16, (int)run["parameters"]!["count"]!);
        Assert.Equal(["task", "prompts"], run["nodes"]!.AsArray().Select(n => (string)n!["path"]!));
        string events = await operatorClient.GetStringAsync(new Uri($"/api/runs/{runId}/events", UriKind.Relative));
        Assert.Contains("event: run.created", events);
        Assert.Contains("event: node.committed", events);
        Assert.EndsWith("event: end\ndata: {\"status\":\"succeeded\"}", events.Trim().Replace("\r", ""));
        string logs = await operatorClient.GetStringAsync(new Uri($"/api/runs/{runId}/logs?node=prompts", UriKind.Relative));
        Assert.Contains("committed its outputs", logs);
        Assert.DoesNotContain(" task ", logs);

        JsonNode artifacts = await TestApi.GetAsync(operatorClient, $"/api/runs/{runId}/artifacts");
        JsonNode prompts = artifacts.AsArray().Single(a => (string?)a!["node"] == "prompts")!;
        string sha256 = (string)prompts["sha256"]!;
        byte[] whole = await operatorClient.GetByteArrayAsync(new Uri($"/api/runs/{runId}/artifacts/{sha256}", UriKind.Relative));
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(whole)));
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{runId}/artifacts/{sha256}");
        range.Headers.Range = new RangeHeaderValue(4, 11);
        using HttpResponseMessage partial = await operatorClient.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[4..12], await partial.Content.ReadAsByteArrayAsync());

        JsonNode deleted = await TestApi.ReadAsync(await operatorClient.DeleteAsync(new Uri($"/api/runs/{runId}", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Equal(2, (int)deleted["blobsDeleted"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync(new Uri($"/api/runs/{runId}", UriKind.Relative))).StatusCode);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(fixture.Server.DataFolder, "artifacts"), sha256 + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Runs_are_listed_by_definition_and_status_a_page_at_a_time()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient operatorClient = fixture.Server.Client("operator");
        string definition = await TestApi.PublishAsync(editor, "task-prompts.json", "api-list-" + Guid.NewGuid().ToString("N")[..8]);
        string[] ids = new string[3];
        for (int i = 0; i < 3; i++) ids[i] = (string)(await TestApi.StartAsync(operatorClient, definition, seed: (ulong)i + 1))["id"]!;
        foreach (string id in ids) await TestApi.WaitForStatusAsync(operatorClient, id, Timeout, "succeeded");

        JsonNode first = await TestApi.GetAsync(operatorClient, $"/api/runs?definition={definition}&status=succeeded&take=2");
        JsonNode second = await TestApi.GetAsync(operatorClient, (string)first["next"]!);

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Single(second["items"]!.AsArray());
        Assert.Null(second["next"]);
        Assert.Equal(ids.Order(), first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(r => (string)r!["id"]!).Order());
    }

    [Fact]
    public async Task A_failed_node_is_retried_and_the_run_goes_on_from_it()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient operatorClient = fixture.Server.Client("operator");
        string definition = await TestApi.PublishAsync(editor, "long-prompts.json", "api-retry-" + Guid.NewGuid().ToString("N")[..8]);
        string runId = (string)(await TestApi.StartAsync(operatorClient, definition, """{"count":200000}""", seed: 4242))["id"]!;

        // Lose the task's blob once it is committed: the draws after it cannot read their input and the run fails.
        JsonNode committed = await WaitForEntryAsync(operatorClient, runId, e => (string?)e["kind"] == "node.committed" && (string?)e["node"] == "task");
        string task = (string)committed["data"]!["outputs"]!["task"]!["sha256"]!;
        foreach (string file in Directory.EnumerateFiles(Path.Combine(fixture.Server.DataFolder, "artifacts"), task + "*", SearchOption.AllDirectories)) File.Delete(file);
        JsonNode failed = await TestApi.WaitForStatusAsync(operatorClient, runId, Timeout, "failed", "succeeded");
        Assert.Equal("failed", (string?)failed["status"]);
        string node = (string)failed["nodes"]!.AsArray().First(n => (string?)n!["status"] == "failed")!["path"]!;
        JsonNode conflict = await TestApi.PostAsync(operatorClient, $"/api/runs/{runId}/nodes/task/retry", null, HttpStatusCode.Conflict);
        Assert.Contains("succeeded", (string?)conflict["detail"]);

        await TestApi.PostAsync(operatorClient, $"/api/runs/{runId}/nodes/{node}/retry", null, HttpStatusCode.Accepted);

        await WaitForEntryAsync(operatorClient, runId, e => (string?)e["kind"] == "run.resumed");
        JsonNode done = await TestApi.WaitForStatusAsync(operatorClient, runId, Timeout, "succeeded", "failed");
        Assert.True((string?)done["status"] == "succeeded", $"{done["error"]}");
        Assert.True((int)done["nodes"]!.AsArray().First(n => (string?)n!["path"] == node)!["attempts"]! >= 2);
        await WaitForEntryAsync(operatorClient, runId, e => (string?)e["kind"] == "node.retry-requested" && (string?)e["node"] == node);
    }

    private static async Task<JsonNode> WaitForEntryAsync(HttpClient client, string runId, Func<JsonNode, bool> match)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            JsonNode journal = await TestApi.GetAsync(client, $"/api/runs/{runId}/journal");
            if (journal["items"]!.AsArray().FirstOrDefault(e => match(e!)) is { } entry) return entry;
            await Task.Delay(50);
        }
        throw new TimeoutException($"run {runId}: no matching journal entry in {Timeout.TotalSeconds} s");
    }
}
