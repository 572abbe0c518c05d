using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PrefFlow.Host.Tests.Server;

/// <summary>POST /api/schedules/preview: the designer's cron preview, computed by the scheduler's own cron rules.</summary>
public sealed class CronPreviewTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task A_nightly_cron_lists_five_nights_at_its_local_time()
    {
        using HttpClient client = fixture.Server.Client("viewer");

        using HttpResponseMessage response = await client.PostAsJsonAsync("/api/schedules/preview", new { cron = "0 30 2 * * ?", timeZone = "Europe/Berlin" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        DateTimeOffset[] times = [.. body.RootElement.GetProperty("nextFireTimes").EnumerateArray().Select(t => t.GetDateTimeOffset())];
        Assert.Equal(5, times.Length);
        TimeZoneInfo berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        foreach (DateTimeOffset time in times)
        {
            DateTimeOffset local = TimeZoneInfo.ConvertTime(time, berlin);
            Assert.Equal((2, 30), (local.Hour, local.Minute));
        }
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First < pair.Second));
    }

    [Theory]
    [InlineData("""{"cron":"every night"}""", "cron")]
    [InlineData("""{"cron":""}""", "cron")]
    [InlineData("""{"cron":"0 0 2 * * ?","timeZone":"Mars/Olympus"}""", "timeZone")]
    public async Task A_bad_cron_or_zone_is_refused_naming_the_field(string body, string field)
    {
        using HttpClient client = fixture.Server.Client("viewer");

        using HttpResponseMessage response = await client.PostAsync(new Uri("/api/schedules/preview", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
    }
}
