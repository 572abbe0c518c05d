using System.Net;
using System.Net.Http.Headers;

namespace PrefFlow.Host.Tests.Server;

/// <summary>Unknown and revoked keys are refused and logged without the key; repeated failures are rate limited.</summary>
public sealed class AuthenticationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "prefflow-auth-" + Guid.NewGuid().ToString("N"));
    private readonly TestServer _server;

    public AuthenticationTests()
    {
        _server = TestServer.Start(_folder, new Dictionary<string, string> { ["PREFFLOW_AUTH_FAILURES"] = "3" });
    }

    public void Dispose()
    {
        _server.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Failed_keys_are_logged_without_the_key_and_a_client_that_keeps_failing_is_refused_for_a_while()
    {
        string guess = "pf_" + new string('A', 43);
        using var client = new HttpClient { BaseAddress = _server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guess);
        var codes = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri("/api/runs", UriKind.Relative));
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
        Assert.Contains("authentication failed for 127.0.0.1", _server.Process.Output);
        Assert.DoesNotContain(guess, _server.Process.Output);
        Assert.DoesNotContain(guess[3..20], _server.Process.Output);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        using HttpClient admin = _server.Client("admin");
        var created = await TestApi.PostAsync(admin, "/api/keys", """{"name":"temporary","role":"viewer"}""", HttpStatusCode.Created);
        using var temporary = new HttpClient { BaseAddress = _server.Address };
        temporary.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)created["key"]!);
        Assert.Equal(HttpStatusCode.OK, (await temporary.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/keys/{created["id"]}", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await temporary.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);
        string keys = (await TestApi.GetAsync(admin, "/api/keys")).ToJsonString();
        Assert.DoesNotContain((string)created["key"]!, keys);
    }
}
