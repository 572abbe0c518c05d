using System.Net;
using System.Text.Json.Nodes;

namespace PrefFlow.Host.Tests.Server;

/// <summary>Bad requests get a 4xx ProblemDetails naming the field and the reason, and change nothing.</summary>
public sealed class BadRequestTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    public static TheoryData<string, string, string, int, string> Cases() => new()
    {
        { "POST", "/api/runs", "{\"definitionId\": ", 400, "Invalid JSON" },
        { "POST", "/api/runs", "{\"definitionId\":\"budget-decrease\",\"sed\":4}", 400, "$.sed" },
        { "POST", "/api/runs", "{\"definitionId\":\"budget-decrease\",\"seed\":\"four\"}", 400, "$.seed" },
        { "POST", "/api/runs", "{\"definitionId\":\"budget-decrease\",\"parameters\":{\"totalPrompts\":-5}}", 400, "totalPrompts" },
        { "POST", "/api/runs", "{\"definitionId\":\"budget-decrease\",\"parameters\":{\"nope\":1}}", 400, "nope" },
        { "POST", "/api/runs", "{\"definitionId\":\"../../etc\"}", 400, "id" },
        { "POST", "/api/definitions", "[1,2]", 400, "JSON object" },
        { "POST", "/api/definitions", "{\"id\":\"Bad Id\"}", 400, "/id" },
        { "POST", "/api/keys", "{\"name\":\"x\",\"role\":\"root\"}", 400, "role" },
        { "PUT", "/api/schedules/nightly", "{\"cron\":\"0 0 2 * *\",\"definitionId\":\"budget-decrease\"}", 400, "cron" },
        { "PUT", "/api/schedules/nightly", "{\"cron\":\"0 0 2 * * ?\",\"definitionId\":\"budget-decrease\",\"timeZone\":\"Mars/Olympus\"}", 400, "timeZone" },
        { "PUT", "/api/schedules/nightly", "{\"cron\":\"0 0 2 * * ?\",\"definitionId\":\"budget-decrease\",\"overlap\":\"sometimes\"}", 400, "$.overlap" },
        { "PUT", "/api/schedules/nightly", "{\"cron\":\"0 0 2 * * ?\",\"definitionId\":\"budget-decrease\",\"parameters\":{\"iterations\":0}}", 400, "iterations" },
        { "PUT", "/api/schedules/Bad_Id", "{\"cron\":\"0 0 2 * * ?\",\"definitionId\":\"budget-decrease\"}", 400, "id" },
        { "GET", "/api/runs?status=sleeping", "", 400, "status" },
        { "GET", "/api/runs?take=100000", "", 400, "take" },
        { "GET", "/api/runs/any-run/artifacts/..%2F..%2F..%2Fetc%2Fpasswd", "", 400, "sha256" },
        { "GET", "/api/runs/any-run/artifacts/..%5C..%5Cwindows%5Cwin.ini", "", 400, "sha256" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_is_a_problem_naming_what_is_wrong(string method, string path, string body, int status, string named)
    {
        using HttpClient admin = fixture.Server.Client("admin");
        string before = await StateAsync(admin);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET") request.Content = TestApi.Json(body);

        using HttpResponseMessage response = await admin.SendAsync(request);

        string text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {path}: {response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, text);
        Assert.DoesNotContain("   at ", text);
        Assert.Equal(before, await StateAsync(admin));
    }

    // A layout body refused, and the field its problem names (a JSON path).
    public static TheoryData<string, string> LayoutCases() => new()
    {
        { "[1,2]", "$" },
        { "\"positions\"", "$" },
        { "{\"positions\":{},\"zoom\":2}", "$.zoom" },
        { "{}", "$.positions" },
        { "{\"positions\":[]}", "$.positions" },
        { "{\"positions\":null}", "$.positions" },
        { "{\"positions\":{},\"positions\":{}}", "$.positions" },
        { "{\"positions\":{\"../x\":{\"x\":1,\"y\":2}}}", "$.positions['../x']" },
        { "{\"positions\":{\"\":{\"x\":1,\"y\":2}}}", "$.positions['']" },
        { "{\"positions\":{\"loop//sample\":{\"x\":1,\"y\":2}}}", "$.positions['loop//sample']" },
        { "{\"positions\":{\"/task\":{\"x\":1,\"y\":2}}}", "$.positions['/task']" },
        { "{\"positions\":{\"task\\n\":{\"x\":1,\"y\":2}}}", "$.positions['task\n']" },
        { "{\"positions\":{\"" + new string('a', 1001) + "\":{\"x\":1,\"y\":2}}}", "$.positions." + new string('a', 1001) },
        { "{\"positions\":{\"task\":{\"x\":1,\"y\":2},\"task\":{\"x\":3,\"y\":4}}}", "$.positions.task" },
        { "{\"positions\":{\"task\":[1,2]}}", "$.positions.task" },
        { "{\"positions\":{\"task\":{\"x\":1}}}", "$.positions.task.y" },
        { "{\"positions\":{\"task\":{\"y\":1}}}", "$.positions.task.x" },
        { "{\"positions\":{\"task\":{\"x\":1,\"y\":2,\"z\":3}}}", "$.positions.task.z" },
        { "{\"positions\":{\"task\":{\"x\":1,\"x\":2,\"y\":3}}}", "$.positions.task.x" },
        { "{\"positions\":{\"task\":{\"x\":1e400,\"y\":2}}}", "$.positions.task.x" },
        { "{\"positions\":{\"task\":{\"x\":1,\"y\":-10000000.5}}}", "$.positions.task.y" },
        { "{\"positions\":{\"task\":{\"x\":\"1\",\"y\":2}}}", "$.positions.task.x" },
        { "{\"positions\":{\"task\":{\"x\":1,\"y\":null}}}", "$.positions.task.y" },
    };

    [Theory]
    [MemberData(nameof(LayoutCases))]
    public async Task A_refused_layout_is_a_problem_naming_its_field_and_keeps_the_stored_layout(string body, string field)
    {
        using HttpClient editor = fixture.Server.Client("editor");
        const string path = "/api/definitions/budget-decrease/layout";
        using (HttpResponseMessage seeded = await editor.PutAsync(new Uri(path, UriKind.Relative), TestApi.Json("""{"positions":{"task":{"x":1,"y":2}}}""")))
        {
            await TestApi.ReadAsync(seeded, HttpStatusCode.OK);
        }
        JsonNode before = await TestApi.GetAsync(editor, path);

        using HttpResponseMessage response = await editor.PutAsync(new Uri(path, UriKind.Relative), TestApi.Json(body));

        JsonNode problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.DoesNotContain("   at ", problem.ToJsonString());
        Assert.True(JsonNode.DeepEquals(before, await TestApi.GetAsync(editor, path)), "a refused layout changed the stored one");
    }

    [Fact]
    public async Task A_layout_that_is_not_json_is_refused_and_changes_nothing()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        const string path = "/api/definitions/budget-decrease/layout";
        JsonNode before = await TestApi.GetAsync(editor, path);

        foreach (string body in new[] { "", "{\"positions\":", "{\"positions\":{\"task\":{\"x\":NaN,\"y\":1}}}" })
        {
            using HttpResponseMessage response = await editor.PutAsync(new Uri(path, UriKind.Relative), TestApi.Json(body));

            JsonNode problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("not valid JSON", (string?)problem["detail"]);
        }
        Assert.True(JsonNode.DeepEquals(before, await TestApi.GetAsync(editor, path)));
    }

    [Fact]
    public async Task An_oversized_layout_is_refused_with_413()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        const string path = "/api/definitions/budget-decrease/layout";
        JsonNode before = await TestApi.GetAsync(editor, path);
        string huge = "{\"positions\":{" + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"\"node-{i}\":{{\"x\":{i},\"y\":{i}}}")) + "}}";

        using HttpResponseMessage response = await editor.PutAsync(new Uri(path, UriKind.Relative), TestApi.Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(before, await TestApi.GetAsync(editor, path)));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string huge = "{\"id\":\"huge\",\"description\":\"" + new string('x', 200_000) + "\"}";

        using HttpResponseMessage response = await editor.PostAsync(new Uri("/api/definitions", UriKind.Relative), TestApi.Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonNode definitions = await TestApi.GetAsync(editor, "/api/definitions");
        Assert.DoesNotContain(definitions.AsArray(), d => (string?)d!["id"] == "huge");
    }

    // What a bad request must not change: the definitions, drafts, runs, schedules and keys.
    private static async Task<string> StateAsync(HttpClient admin) =>
        (await TestApi.GetAsync(admin, "/api/definitions")).ToJsonString() + (await TestApi.GetAsync(admin, "/api/runs?take=500")).ToJsonString()
        + (await TestApi.GetAsync(admin, "/api/keys")).ToJsonString() + (await TestApi.GetAsync(admin, "/api/schedules")).AsArray().Count;
}
