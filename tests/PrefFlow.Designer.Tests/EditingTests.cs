using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PrefFlow.Designer.Tests;

/// <summary>Copy, paste, undo, redo and delete on the canvas, with the keyboard, as the definition sees them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EditingTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Copy_paste_undo_redo_and_delete_change_the_definition()
    {
        string id = await CopyOfAlwaysSmallestAsync();
        IPage page = await fixture.SignedInPageAsync("editor", 1920, 1080);
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-editing", async () =>
        {
            await page.GotoAsync($"/definitions/{id}");
            await Expect(page.Locator("[data-testid=canvas][data-layout=ready]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            ILocator nodes = page.Locator(".react-flow__node");
            await Expect(nodes).ToHaveCountAsync(18, new() { Timeout = 30_000 });

            await page.Locator("[data-testid='node-initial_eval'] .flow-node-header").ClickAsync();
            await page.Keyboard.PressAsync("Control+c");
            await page.Keyboard.PressAsync("Control+v");
            await Expect(nodes).ToHaveCountAsync(19);
            await Expect(page.GetByTestId("node-initial_eval_2")).ToBeVisibleAsync();

            await page.Keyboard.PressAsync("Control+z");
            await Expect(nodes).ToHaveCountAsync(18);
            await page.Keyboard.PressAsync("Control+Shift+z");
            await Expect(nodes).ToHaveCountAsync(19);

            // The pasted copy reads what the original read: its bindings came along.
            await page.ClickAsync("[data-testid=save-draft]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("Draft saved");
            JsonArray saved = (await DraftAsync(id))["nodes"]!.AsArray();
            Assert.Equal(11, saved.Count);
            Assert.Equal(saved.Single(n => (string?)n!["id"] == "initial_eval")!["inputs"]!.ToJsonString(), saved.Single(n => (string?)n!["id"] == "initial_eval_2")!["inputs"]!.ToJsonString());

            await page.Locator("[data-testid='node-initial_eval_2'] .flow-node-header").ClickAsync();
            await BrowserFixture.HoldKeyAsync(page, "Delete");
            await Expect(nodes).ToHaveCountAsync(18);
            await Expect(page.GetByTestId("node-initial_eval_2")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("problem-count")).ToHaveTextAsync("valid");
            await page.ClickAsync("[data-testid=save-draft]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("Draft saved");
        });

        Assert.Equal(10, (await DraftAsync(id))["nodes"]!.AsArray().Count);
    }

    private async Task<JsonNode> DraftAsync(string id)
    {
        using HttpClient editor = fixture.Server.Client("editor");
        return JsonNode.Parse(await editor.GetStringAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative)))!["definition"]!;
    }

    private async Task<string> CopyOfAlwaysSmallestAsync()
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string id = "edit-" + Guid.NewGuid().ToString("N")[..6];
        JsonNode source = JsonNode.Parse(await editor.GetStringAsync(new Uri("/api/definitions/always-smallest/draft", UriKind.Relative)))!["definition"]!;
        source["id"] = id;
        source["version"] = 1;
        (await editor.PostAsJsonAsync("/api/definitions", source)).EnsureSuccessStatusCode();
        return id;
    }
}
