using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace PrefFlow.TestSupport;

/// <summary>Small helpers for calling a <see cref="TestServer"/>'s API in tests.</summary>
public static class TestApi
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> PostAsync(HttpClient client, string path, string? json, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await client.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : Json(json));
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Publishes a definition made from a test file (the test project's Definitions folder) under a new id and returns the id.</summary>
    public static async Task<string> PublishAsync(HttpClient editor, string file, string id)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", file)))!.AsObject();
        document.Remove("$schema");
        document["id"] = id;
        return await PublishAsync(editor, document);
    }

    /// <summary>Creates a definition from a document and publishes its first version; returns its id.</summary>
    public static async Task<string> PublishAsync(HttpClient editor, JsonNode document)
    {
        string id = (string)document["id"]!;
        await PostAsync(editor, "/api/definitions", document.ToJsonString(), HttpStatusCode.Created);
        await PostAsync(editor, $"/api/definitions/{id}/publish", null, HttpStatusCode.Created);
        return id;
    }

    /// <summary>Polls the run until its status is one of <paramref name="statuses"/>.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(HttpClient client, string runId, TimeSpan timeout, params string[] statuses)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            JsonNode run = await GetAsync(client, $"/api/runs/{runId}");
            if (statuses.Contains((string?)run["status"])) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} is {run["status"]}, not {string.Join('/', statuses)}, after {timeout.TotalSeconds} s");
            await Task.Delay(200);
        }
    }

    public static async Task<JsonNode> StartAsync(HttpClient operatorClient, string definitionId, string parameters = "{}", ulong seed = 1) =>
        await PostAsync(operatorClient, "/api/runs", $$"""{"definitionId":"{{definitionId}}","parameters":{{parameters}},"seed":{{seed}}}""", HttpStatusCode.Accepted);
}
