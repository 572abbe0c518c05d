using System.Net;
using System.Text;
using System.Text.Json;

namespace PrefFlow.Host.Tests.Server;

/// <summary>Parameter values sent as JSON reach the engine as the values they are: a string as its text, not quoted.</summary>
public sealed class ParameterValueTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task A_string_parameter_is_taken_as_its_text()
    {
        using HttpClient client = fixture.Server.Client("operator");
        string id = "strings-" + Guid.NewGuid().ToString("N")[..8];
        const string body = """{"cron":"0 0 2 * * ?","definitionId":"always-smallest","parameters":{"instanceStrategy":"largest","preset":"tiny","beta":0.2},"paused":true}""";

        using HttpResponseMessage response = await client.PutAsync(new Uri($"/api/schedules/{id}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using JsonDocument schedule = JsonDocument.Parse(text);
        Assert.Equal("largest", schedule.RootElement.GetProperty("parameters").GetProperty("instanceStrategy").GetString());
    }

    [Fact]
    public async Task A_string_outside_the_allowed_values_is_refused_naming_them()
    {
        using HttpClient client = fixture.Server.Client("operator");

        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/runs", UriKind.Relative),
            new StringContent("""{"definitionId":"always-smallest","parameters":{"instanceStrategy":"sideways"}}""", Encoding.UTF8, "application/json"));

        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("instanceStrategy", text, StringComparison.Ordinal);
        // The value is named as sent, not with quotes of its own inside the quotes of the message.
        Assert.Contains("the string \\\"sideways\\\"", text, StringComparison.Ordinal);
    }
}
