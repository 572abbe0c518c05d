using System.Net;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests.Server;

/// <summary>The designer's layout of a definition: one per definition, shared by every key, replaced on every save.</summary>
public sealed class LayoutApiTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static string Document(string id) =>
        """{"id":"ID","version":1,"name":"layout","nodes":[{"id":"task","activity":"task"}]}""".Replace("ID", id, StringComparison.Ordinal);

    [Fact]
    public async Task A_layout_saved_by_one_key_is_read_by_another_and_replaced_by_the_next_save()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient viewer = fixture.Server.Client("viewer");
        string id = await CreateAsync(editor, "shared");
        JsonNode draft = await TestApi.GetAsync(viewer, $"/api/definitions/{id}/draft");

        JsonNode saved = await PutAsync(editor, id, """{"positions":{"task":{"x":10,"y":-20.5},"loop/sample":{"x":3e2,"y":0}}}""", HttpStatusCode.OK);

        JsonNode read = await TestApi.GetAsync(viewer, $"/api/definitions/{id}/layout");
        Assert.Equal(id, (string?)read["id"]);
        Assert.NotNull((DateTimeOffset?)read["updatedAt"]);
        Assert.True(JsonNode.DeepEquals(saved, read), $"saved {saved.ToJsonString()}, read {read.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"loop/sample":{"x":300,"y":0},"task":{"x":10,"y":-20.5}}"""), read["positions"]), read.ToJsonString());

        JsonNode replaced = await PutAsync(editor, id, """{"positions":{"task":{"x":1,"y":2}}}""", HttpStatusCode.OK);

        JsonNode again = await TestApi.GetAsync(viewer, $"/api/definitions/{id}/layout");
        Assert.True(JsonNode.DeepEquals(replaced, again), $"saved {replaced.ToJsonString()}, read {again.ToJsonString()}");
        Assert.Equal("""{"task":{"x":1,"y":2}}""", again["positions"]!.ToJsonString());
        Assert.True((DateTimeOffset)again["updatedAt"]! >= (DateTimeOffset)read["updatedAt"]!);
        // The layout is no part of the definition: its draft is as it was.
        Assert.True(JsonNode.DeepEquals(draft, await TestApi.GetAsync(viewer, $"/api/definitions/{id}/draft")));
    }

    [Fact]
    public async Task An_empty_layout_can_be_saved()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string id = await CreateAsync(editor, "empty");
        await PutAsync(editor, id, """{"positions":{"task":{"x":1,"y":2}}}""", HttpStatusCode.OK);

        await PutAsync(editor, id, """{"positions":{}}""", HttpStatusCode.OK);

        JsonNode read = await TestApi.GetAsync(editor, $"/api/definitions/{id}/layout");
        Assert.Equal("{}", read["positions"]!.ToJsonString());
        Assert.NotNull((DateTimeOffset?)read["updatedAt"]);
    }

    [Fact]
    public async Task A_definition_without_a_saved_layout_has_no_positions()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient viewer = fixture.Server.Client("viewer");
        string drafted = await CreateAsync(editor, "drafted");

        foreach (string id in new[] { drafted, "budget-decrease" })
        {
            JsonNode layout = await TestApi.GetAsync(viewer, $"/api/definitions/{id}/layout");

            Assert.Equal($"{{\"id\":\"{id}\",\"updatedAt\":null,\"positions\":{{}}}}", layout.ToJsonString());
        }
    }

    [Fact]
    public async Task The_layout_of_an_unknown_definition_is_not_found_as_its_draft_is()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string id = "nowhere-" + Guid.NewGuid().ToString("N")[..8];
        using HttpResponseMessage draftResponse = await editor.GetAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative));
        JsonNode draft = await TestApi.ReadAsync(draftResponse, HttpStatusCode.NotFound);

        using HttpResponseMessage getResponse = await editor.GetAsync(new Uri($"/api/definitions/{id}/layout", UriKind.Relative));
        JsonNode get = await TestApi.ReadAsync(getResponse, HttpStatusCode.NotFound);
        JsonNode put = await PutAsync(editor, id, """{"positions":{"task":{"x":1,"y":2}}}""", HttpStatusCode.NotFound);

        Assert.Equal("application/problem+json", getResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal((string?)draft["detail"], (string?)get["detail"]);
        Assert.Equal((string?)draft["detail"], (string?)put["detail"]);
        Assert.Contains(id, (string?)get["detail"]);
        // Nothing was kept for it: once the definition is created, it starts without a layout.
        await TestApi.PostAsync(editor, "/api/definitions", Document(id), HttpStatusCode.Created);
        Assert.Equal("{}", (await TestApi.GetAsync(editor, $"/api/definitions/{id}/layout"))["positions"]!.ToJsonString());
    }

    private static async Task<string> CreateAsync(HttpClient editor, string prefix)
    {
        string id = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        await TestApi.PostAsync(editor, "/api/definitions", Document(id), HttpStatusCode.Created);
        return id;
    }

    private static async Task<JsonNode> PutAsync(HttpClient client, string id, string body, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await client.PutAsync(new Uri($"/api/definitions/{id}/layout", UriKind.Relative), TestApi.Json(body));
        return await TestApi.ReadAsync(response, expected);
    }
}
