using System.Net;
using System.Text;
using System.Text.Json;

namespace PrefFlow.Host.Tests.Server;

/// <summary>
/// Every endpoint with every role and with no key: no key is 401, a role without the right is 403, a role with it
/// gets past authorization (requests name missing things, so nothing is changed by the allowed ones that would write).
/// </summary>
public sealed class RoleMatrixTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private static readonly string[] Everyone = ["viewer", "editor", "operator", "admin"];
    private static readonly string[] Editors = ["editor", "admin"];
    private static readonly string[] Operators = ["operator", "admin"];
    private static readonly string[] Admins = ["admin"];

    private const string Definition = """{"id":"DEF","version":1,"name":"matrix","nodes":[{"id":"task","activity":"task"}]}""";

    // (method, path, body, roles allowed)
    private static readonly (string Method, string Path, string? Body, string[] Allowed)[] Endpoints =
    [
        ("GET", "/api/definitions", null, Everyone),
        ("POST", "/api/definitions", Definition, Editors),
        ("POST", "/api/definitions/import", Definition, Editors),
        ("POST", "/api/definitions/validate", Definition, Everyone),
        ("GET", "/api/definitions/missing-def/draft", null, Everyone),
        ("PUT", "/api/definitions/DEF/draft", Definition, Editors),
        ("POST", "/api/definitions/missing-def/draft/validate", null, Everyone),
        ("POST", "/api/definitions/missing-def/publish", null, Editors),
        ("GET", "/api/definitions/missing-def/versions", null, Everyone),
        ("GET", "/api/definitions/missing-def/versions/1", null, Everyone),
        ("GET", "/api/definitions/missing-def/versions/1/export", null, Everyone),
        ("GET", "/api/definitions/missing-def/diff?from=1&to=2", null, Everyone),
        ("GET", "/api/definitions/missing-def/layout", null, Everyone),
        ("PUT", "/api/definitions/missing-def/layout", """{"positions":{"task":{"x":1,"y":2}}}""", Editors),
        ("GET", "/api/activities", null, Everyone),
        ("GET", "/api/activities/sample", null, Everyone),
        ("POST", "/api/runs", """{"definitionId":"missing-def"}""", Operators),
        ("GET", "/api/runs", null, Everyone),
        ("GET", "/api/runs/missing-run", null, Everyone),
        ("GET", "/api/runs/missing-run/journal", null, Everyone),
        ("GET", "/api/runs/missing-run/events", null, Everyone),
        ("GET", "/api/runs/missing-run/logs", null, Everyone),
        ("POST", "/api/runs/missing-run/cancel", null, Operators),
        ("POST", "/api/runs/missing-run/resume", null, Operators),
        ("POST", "/api/runs/missing-run/nodes/task/retry", null, Operators),
        ("GET", "/api/runs/missing-run/artifacts", null, Everyone),
        ("GET", $"/api/runs/missing-run/artifacts/{new string('a', 64)}", null, Everyone),
        ("DELETE", "/api/runs/missing-run", null, Operators),
        ("GET", "/api/schedules", null, Everyone),
        ("GET", "/api/schedules/missing-schedule", null, Everyone),
        ("PUT", "/api/schedules/matrix", """{"cron":"not a cron","definitionId":"missing-def"}""", Operators),
        ("POST", "/api/schedules/missing-schedule/pause", null, Operators),
        ("POST", "/api/schedules/missing-schedule/resume", null, Operators),
        ("DELETE", "/api/schedules/missing-schedule", null, Operators),
        ("GET", "/api/keys", null, Admins),
        ("POST", "/api/keys", """{"name":"x","role":"nobody"}""", Admins),
        ("DELETE", "/api/keys/missing-key", null, Admins),
        ("POST", "/api/schedules/preview", """{"cron":"0 0 2 * * ?"}""", Everyone),
        ("GET", "/api/me", null, Everyone),
    ];

    public static TheoryData<string, string, string?> Cases()
    {
        var cases = new TheoryData<string, string, string?>();
        foreach (var endpoint in Endpoints)
        {
            cases.Add(endpoint.Method, endpoint.Path, null);
            foreach (string role in Everyone) cases.Add(endpoint.Method, endpoint.Path, role);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_admits_exactly_its_roles(string method, string path, string? role)
    {
        var endpoint = Endpoints.Single(e => e.Method == method && e.Path == path);
        using HttpClient client = fixture.Server.Client(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (endpoint.Body is { } body)
        {
            // Writes that are allowed create definitions of their own, so roles do not collide.
            request.Content = new StringContent(body.Replace("DEF", $"matrix-{role ?? "none"}-{Math.Abs(path.GetHashCode()) % 100000}", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = await client.SendAsync(request);

        string detail = await response.Content.ReadAsStringAsync();
        if (role is null) Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} without a key gave {response.StatusCode}: {detail}");
        else if (!endpoint.Allowed.Contains(role)) Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} as {role} gave {response.StatusCode}: {detail}");
        else Assert.True((int)response.StatusCode is not (401 or 403) and < 500, $"{method} {path} as {role} gave {response.StatusCode}: {detail}");
        if ((int)response.StatusCode >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("viewer", false, false, false)]
    [InlineData("editor", true, false, false)]
    [InlineData("operator", false, true, false)]
    [InlineData("admin", true, true, true)]
    public async Task Me_tells_a_key_its_role_and_what_it_may_do(string role, bool editDefinitions, bool operateRuns, bool manageKeys)
    {
        using HttpClient client = fixture.Server.Client(role);

        using JsonDocument me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative)));

        Assert.Equal(role, me.RootElement.GetProperty("role").GetString());
        JsonElement may = me.RootElement.GetProperty("may");
        Assert.Equal(editDefinitions, may.GetProperty("editDefinitions").GetBoolean());
        Assert.Equal(operateRuns, may.GetProperty("operateRuns").GetBoolean());
        Assert.Equal(manageKeys, may.GetProperty("manageKeys").GetBoolean());
        Assert.StartsWith("k", me.RootElement.GetProperty("keyId").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_api_document_need_no_key(string path)
    {
        using HttpClient client = fixture.Server.Client(null);

        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_api_document_describes_every_resource_and_the_key_scheme()
    {
        using HttpClient client = fixture.Server.Client(null);

        string document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (string path in new[] { "/api/definitions", "/api/definitions/{id}/layout", "/api/runs/{id}/events", "/api/activities", "/api/keys", "/api/runs/{id}/artifacts/{sha256}" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
        Assert.Contains("\"bearer\"", document);
    }
}
