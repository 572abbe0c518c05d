using System.Net;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests.Server;

/// <summary>A definition's life through the API: draft, validation, publishing, versions, diff, export and import.</summary>
public sealed class DefinitionApiTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static string Document(string id, string count = "8", string activity = "prompts") =>
        """{"id":"ID","version":1,"name":"life","parameters":{"count":{"type":"integer","default":COUNT}},"nodes":[{"id":"task","activity":"task"},{"id":"prompts","activity":"ACTIVITY","inputs":{"task":"${nodes.task.outputs.task}","split":"train","count":"${params.count}"}}],"edges":[{"from":"task","to":"prompts"}]}"""
            .Replace("ID", id, StringComparison.Ordinal).Replace("COUNT", count, StringComparison.Ordinal).Replace("ACTIVITY", activity, StringComparison.Ordinal);

    [Fact]
    public async Task A_draft_is_validated_published_into_versions_diffed_exported_and_imported()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string id = "life-" + Guid.NewGuid().ToString("N")[..8];
        await TestApi.PostAsync(editor, "/api/definitions", Document(id, activity: "no-such-activity"), HttpStatusCode.Created);

        JsonNode validation = await TestApi.PostAsync(editor, $"/api/definitions/{id}/draft/validate", null, HttpStatusCode.OK);
        Assert.False((bool)validation["valid"]!);
        Assert.Contains(validation["errors"]!.AsArray(), e => (string?)e!["pointer"] == "/nodes/1/activity");
        JsonNode refused = await TestApi.PostAsync(editor, $"/api/definitions/{id}/publish", null, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("/nodes/1/activity", refused["errors"]!.ToJsonString());

        using (HttpResponseMessage saved = await editor.PutAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), TestApi.Json(Document(id))))
        {
            await TestApi.ReadAsync(saved, HttpStatusCode.OK);
        }
        JsonNode first = await TestApi.PostAsync(editor, $"/api/definitions/{id}/publish", null, HttpStatusCode.Created);
        Assert.Equal(1, (int)first["version"]!);
        // Publishing an unchanged draft makes no new version.
        Assert.Equal(1, (int)(await TestApi.PostAsync(editor, $"/api/definitions/{id}/publish", null, HttpStatusCode.Created))["version"]!);
        using (HttpResponseMessage saved = await editor.PutAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative), TestApi.Json(Document(id, count: "32"))))
        {
            await TestApi.ReadAsync(saved, HttpStatusCode.OK);
        }
        Assert.Equal(2, (int)(await TestApi.PostAsync(editor, $"/api/definitions/{id}/publish", null, HttpStatusCode.Created))["version"]!);

        JsonNode versions = await TestApi.GetAsync(editor, $"/api/definitions/{id}/versions");
        Assert.Equal([1, 2], versions.AsArray().Select(v => (int)v!["version"]!));
        JsonNode diff = await TestApi.GetAsync(editor, $"/api/definitions/{id}/diff?from=1&to=2");
        Assert.Contains(diff["changes"]!.AsArray(), c => (string?)c!["pointer"] == "/parameters/count/default" && (int)c["before"]! == 8 && (int)c["after"]! == 32);
        Assert.Contains(diff["changes"]!.AsArray(), c => (string?)c!["pointer"] == "/version");

        string exported = await editor.GetStringAsync(new Uri($"/api/definitions/{id}/versions/1/export", UriKind.Relative));
        Assert.Equal(1, (int)JsonNode.Parse(exported)!["version"]!);
        JsonNode imported = await TestApi.PostAsync(editor, "/api/definitions/import", exported, HttpStatusCode.OK);
        Assert.Equal(8, (int)imported["definition"]!["parameters"]!["count"]!["default"]!);
        // The import replaced the draft; version 2 stays exactly as published.
        JsonNode second = await TestApi.GetAsync(editor, $"/api/definitions/{id}/versions/2");
        Assert.Equal(32, (int)second["definition"]!["parameters"]!["count"]!["default"]!);
    }

    [Fact]
    public async Task Creating_an_existing_definition_is_a_conflict()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string id = "twice-" + Guid.NewGuid().ToString("N")[..8];
        await TestApi.PostAsync(editor, "/api/definitions", Document(id), HttpStatusCode.Created);

        JsonNode problem = await TestApi.PostAsync(editor, "/api/definitions", Document(id), HttpStatusCode.Conflict);

        Assert.Contains(id, (string?)problem["detail"]);
    }

    [Fact]
    public async Task The_activity_toolbox_describes_inputs_with_types_defaults_and_ranges()
    {
        using HttpClient viewer = fixture.Server.Client("viewer");

        JsonNode activities = await TestApi.GetAsync(viewer, "/api/activities");

        string[] names = [.. activities.AsArray().Select(a => (string)a!["name"]!)];
        Assert.Equal(["task", "pretrain", "prompts", "sample", "score", "instance-select", "corpus-select", "oracle", "train", "eval"], names);
        JsonNode sample = activities.AsArray().Single(a => (string?)a!["name"] == "sample")!;
        Assert.All(sample["inputs"]!.AsArray(), input => Assert.False(string.IsNullOrEmpty((string?)input!["type"])));
        Assert.Contains(sample["inputs"]!.AsArray(), input => input!["minimum"] is not null);
        Assert.Contains(sample["outputs"]!.AsArray(), output => (string?)output!["type"] == "artifact");
    }
}
