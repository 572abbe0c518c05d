using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PrefFlow.Designer.Tests;

/// <summary>The pages the other tests do not walk through: a schedule made in its editor, the runs list, a sweep, a diff.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_schedule_is_made_in_its_editor_with_its_next_fire_times_shown()
    {
        IPage page = await fixture.SignedInPageAsync("operator");
        string id = "nightly-" + Guid.NewGuid().ToString("N")[..6];
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-schedule", async () =>
        {
            await page.GotoAsync("/schedules/new");
            await page.FillAsync("#schedule-id", id);
            await page.FillAsync("#schedule-cron", "not a cron");
            await Expect(page.Locator(".field-error, .error-banner").First).ToBeVisibleAsync();
            await page.FillAsync("#schedule-cron", "0 30 2 * * ?");
            await page.SelectOptionAsync("#schedule-definition", "always-smallest");
            await Expect(page.Locator(".fire-times tbody tr")).ToHaveCountAsync(5);
            await page.Locator("label.inline:has-text('Paused') input[type=checkbox]").CheckAsync();
            await BrowserFixture.ScreenshotAsync(page, "15-schedule-editor");

            await page.GetByRole(AriaRole.Button, new() { Name = "Create schedule" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/schedules/{id}$"));
            await page.GotoAsync("/schedules");
            await Expect(page.Locator($"a[href='/schedules/{id}']")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "16-schedules");
        });
    }

    [Fact]
    public async Task A_sweep_of_two_cells_is_compared_with_confidence_intervals()
    {
        string definition = await RunSweepAsync();
        IPage page = await fixture.SignedInPageAsync("viewer");
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-sweep", async () =>
        {
            await page.GotoAsync($"/sweeps?definition={definition}&metric=loss");
            await Expect(page.GetByTestId("sweep-table").Locator("tbody tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-chart] svg circle")).ToHaveCountAsync(2);
            await BrowserFixture.ScreenshotAsync(page, "17-sweep");

            await page.GotoAsync($"/runs?definition={definition}");
            await Expect(page.Locator($"a[href^='/runs/{definition}']")).ToHaveCountAsync(4);
            await BrowserFixture.ScreenshotAsync(page, "18-runs");

            // A draft with one change against the published version, side by side.
            using HttpClient editor = fixture.Server.Client("editor");
            JsonNode draft = JsonNode.Parse(await editor.GetStringAsync(new Uri($"/api/definitions/{definition}/draft", UriKind.Relative)))!["definition"]!;
            draft["parameters"]!["steps"]!["default"] = 8;
            (await editor.PutAsJsonAsync($"/api/definitions/{definition}/draft", draft)).EnsureSuccessStatusCode();
            await page.GotoAsync($"/definitions/{definition}/diff?from=1&to=draft");
            await Expect(page.GetByText("1 change(s)")).ToBeVisibleAsync();
            await Expect(page.GetByText("/parameters/steps/default").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "19-diff");
        });
    }

    // Two learning rates, two seeds each, of a short pretraining: four runs whose loss differs by cell and seed.
    private async Task<string> RunSweepAsync()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient operatorClient = fixture.Server.Client("operator");
        string id = "sweep-" + Guid.NewGuid().ToString("N")[..6];
        var document = JsonNode.Parse($$$"""
            {"id":"{{{id}}}","version":1,"name":"Short pretraining",
             "parameters":{"learningRate":{"type":"number","default":0.001},"steps":{"type":"integer","default":5}},
             "nodes":[{"id":"task","activity":"task"},
                      {"id":"pretrain","activity":"pretrain","inputs":{"task":"${nodes.task.outputs.task}","preset":"tiny","steps":"${params.steps}","learningRate":"${params.learningRate}"}}],
             "edges":[{"from":"task","to":"pretrain"}]}
            """)!;
        await TestApi.PublishAsync(editor, document);
        var runs = new List<string>();
        foreach (double rate in new[] { 0.001, 0.003 })
        {
            foreach (int seed in new[] { 1, 2 })
            {
                runs.Add((string)(await TestApi.StartAsync(operatorClient, id, $$"""{"learningRate":{{rate.ToString(CultureInfo.InvariantCulture)}}}""", (ulong)seed))["id"]!);
            }
        }
        foreach (string run in runs) await TestApi.WaitForStatusAsync(operatorClient, run, Timeout, "succeeded");
        return id;
    }
}
