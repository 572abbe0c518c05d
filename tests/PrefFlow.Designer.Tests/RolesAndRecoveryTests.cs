using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PrefFlow.Designer.Tests;

/// <summary>A failed run resumed from its page; a viewer's key sees everything and can change nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RolesAndRecoveryTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_run_failed_by_a_lost_blob_is_resumed_from_its_page()
    {
        string runId = await FailedRunAsync();
        IPage page = await fixture.SignedInPageAsync("operator");
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-resume", async () =>
        {
            await page.GotoAsync($"/runs/{runId}");
            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("failed");
            await Expect(page.Locator("[data-status=failed]").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "09-run-failed");

            await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();

            await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("succeeded", new() { Timeout = (float)Timeout.TotalMilliseconds });
            await BrowserFixture.ScreenshotAsync(page, "10-run-resumed");
        });
    }

    [Fact]
    public async Task A_viewer_key_can_look_but_not_edit()
    {
        IPage page = await fixture.SignedInPageAsync("viewer");
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-viewer", async () =>
        {
            await page.GotoAsync("/definitions");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New" })).ToBeDisabledAsync();

            await new Canvas(page).OpenAsync("always-smallest");
            await Expect(page.Locator("[data-testid='node-iterations/train']")).ToBeVisibleAsync();
            await Expect(page.Locator(".read-only-note")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("save-draft")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("publish")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("run")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("tool-train")).ToHaveAttributeAsync("draggable", "false");
            await page.Locator("[data-testid='node-pretrain'] .flow-node-header").ClickAsync();
            await Expect(page.Locator("[data-testid=input-steps] select")).ToBeDisabledAsync();
            await Expect(page.Locator("[data-testid=input-batchSize] input")).ToBeDisabledAsync();
            int edges = await page.Locator(".react-flow__edge").CountAsync();
            await page.Locator(".react-flow__edge").First.ClickAsync(new() { Force = true });
            await BrowserFixture.HoldKeyAsync(page, "Delete");
            await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(edges);
            await BrowserFixture.ScreenshotAsync(page, "11-viewer-designer");

            await page.GotoAsync("/schedules");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New schedule" })).ToBeDisabledAsync();
            await BrowserFixture.ScreenshotAsync(page, "12-viewer-schedules");
        });
    }

    // A run of eight slow prompt draws whose first output is deleted once committed: the draws after it cannot read
    // their input, and the run fails; resuming recomputes the lost output.
    private async Task<string> FailedRunAsync()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpClient operatorClient = fixture.Server.Client("operator");
        string definitionId = await TestApi.PublishAsync(editor, "long-prompts.json", "ui-lost-" + Guid.NewGuid().ToString("N")[..6]);
        string runId = (string)(await TestApi.StartAsync(operatorClient, definitionId, """{"count":200000}""", seed: 777))["id"]!;

        string task = (string)(await WaitAsync(operatorClient, $"/api/runs/{runId}/journal", journal =>
            journal["items"]!.AsArray().FirstOrDefault(e => (string?)e!["kind"] == "node.committed" && (string?)e["node"] == "task")?["data"]!["outputs"]!["task"]!["sha256"]))!;
        foreach (string file in Directory.EnumerateFiles(Path.Combine(fixture.Server.DataFolder, "artifacts"), task + "*", SearchOption.AllDirectories)) File.Delete(file);
        await TestApi.WaitForStatusAsync(operatorClient, runId, Timeout, "failed", "succeeded");
        return runId;
    }

    private static async Task<JsonNode?> WaitAsync(HttpClient client, string path, Func<JsonNode, JsonNode?> found)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (found(JsonNode.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)))!) is { } value) return value;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{path}: not there in {Timeout.TotalSeconds} s");
    }
}
