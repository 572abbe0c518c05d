using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace PrefFlow.Designer.Tests;

/// <summary>
/// A 500-node definition opens and is dragged; the time to open it and the frame times while dragging are measured in
/// the browser and reported (written to artifacts/designer-performance.json), not asserted: timings on a shared
/// 2-core machine are noise, the numbers are for reading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LargeDefinitionTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const int Chains = 20;
    private const int ChainLength = 25;

    [Fact]
    public async Task A_500_node_definition_opens_and_can_be_dragged()
    {
        string id = await PublishLargeDefinitionAsync();
        IPage page = await fixture.SignedInPageAsync("editor", 1920, 1080);
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-large", async () =>
        {
            var opening = Stopwatch.StartNew();
            await page.GotoAsync($"/definitions/{id}");
            await Expect(page.Locator(".react-flow__node").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("problem-count")).ToHaveTextAsync("valid", new() { Timeout = 30_000 });
            await Expect(page.Locator("[data-testid=canvas][data-layout=ready]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            double openSeconds = opening.Elapsed.TotalSeconds;
            await page.WaitForTimeoutAsync(1000);
            await BrowserFixture.ScreenshotAsync(page, "13-designer-500-nodes");

            // Dragged twice: with the whole graph in view (every node and edge drawn), then zoomed in to a readable
            // size, where only what is in view is drawn.
            FrameTimes whole = await DragAsync(page, id, "p0_0");
            // The drag pans the view along; fit the graph again to find a node in the middle.
            await page.ClickAsync("text=Zoom to fit");
            ILocator middle = page.GetByTestId("node-p10_12");
            await Expect(middle).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(500);
            LocatorBoundingBoxResult at = (await middle.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(at.X + at.Width / 2, at.Y + at.Height / 2);
            for (int i = 0; i < 12; i++) await page.Mouse.WheelAsync(0, -400);
            await page.WaitForTimeoutAsync(500);
            FrameTimes zoomed = await DragAsync(page, id, "p10_12");
            await BrowserFixture.ScreenshotAsync(page, "14-designer-500-nodes-zoomed");

            // Zoomed in, most nodes are not drawn (nor measured); after the move, a fit must still bring back the whole
            // graph at once (the corners of its first and last chains).
            await Expect(page.GetByTestId("node-p0_0")).ToHaveCountAsync(0);
            await page.ClickAsync("text=Zoom to fit");
            await Expect(page.GetByTestId("node-p0_0")).ToBeInViewportAsync(new() { Timeout = 10_000 });
            await Expect(page.GetByTestId($"node-p{Chains - 1}_{ChainLength - 1}")).ToBeInViewportAsync();

            var report = new { nodes = 1 + Chains * ChainLength, openSeconds = Math.Round(openSeconds, 2), wholeGraphInView = whole, zoomedIn = zoomed };
            string json = JsonSerializer.Serialize(report);
            output.WriteLine(json);
            await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "..", "designer-performance.json"), json);
        });
    }

    /// <summary>Frame times while a node is dragged, in milliseconds.</summary>
    public sealed record FrameTimes(int Frames, double Median, double P95, double Max);

    // Drags a node 360 px along 60 mouse moves, recording the time between animation frames meanwhile; the position
    // the server keeps for it (the designer saves the layout after a move) must have changed.
    private async Task<FrameTimes> DragAsync(IPage page, string definition, string path)
    {
        string before = await StoredPositionAsync(definition, path);
        for (DateTime deadline = DateTime.UtcNow.AddSeconds(20); before.Length == 0 && DateTime.UtcNow < deadline; before = await StoredPositionAsync(definition, path))
        {
            // The first automatic layout is saved a moment after it is made.
            await Task.Delay(200);
        }
        Assert.NotEqual("", before);
        LocatorBoundingBoxResult box = (await page.GetByTestId($"node-{path}").BoundingBoxAsync())!;
        await page.EvaluateAsync("""
            () => {
              window.__frames = [];
              let last = performance.now();
              const tick = (now) => { window.__frames.push(now - last); last = now; if (window.__recording) requestAnimationFrame(tick); };
              window.__recording = true;
              requestAnimationFrame(tick);
            }
            """);
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (int step = 1; step <= 60; step++) await page.Mouse.MoveAsync(box.X + box.Width / 2 + step * 6, box.Y + box.Height / 2 + step * 3);
        Task<IResponse> saved = page.WaitForResponseAsync(r => r.Url.EndsWith($"/api/definitions/{definition}/layout", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await page.Mouse.UpAsync();
        double[] frames = await page.EvaluateAsync<double[]>("() => { window.__recording = false; return window.__frames.slice(1); }");

        Assert.True((await saved).Ok);
        Assert.NotEqual(before, await StoredPositionAsync(definition, path));
        Assert.True(frames.Length >= 10, $"only {frames.Length} frames were drawn while dragging");
        Array.Sort(frames);
        return new FrameTimes(frames.Length, Math.Round(frames[frames.Length / 2], 1), Math.Round(frames[(int)(frames.Length * 0.95)], 1), Math.Round(frames[^1], 1));
    }

    // The node's position in the layout the server keeps for the definition ("" when it has none).
    private async Task<string> StoredPositionAsync(string definition, string path)
    {
        using HttpClient viewer = fixture.Server.Client("viewer");
        JsonNode layout = await TestApi.GetAsync(viewer, $"/api/definitions/{definition}/layout");
        return layout["positions"]?[path]?.ToJsonString() ?? "";
    }

    // Twenty chains of 25 prompt draws after one task: each draw reads the task and the count of the one before it.
    private async Task<string> PublishLargeDefinitionAsync()
    {
        string id = "large-" + Guid.NewGuid().ToString("N")[..6];
        var nodes = new JsonArray { new JsonObject { ["id"] = "task", ["activity"] = "task" } };
        var edges = new JsonArray();
        for (int chain = 0; chain < Chains; chain++)
        {
            for (int link = 0; link < ChainLength; link++)
            {
                string node = $"p{chain}_{link}";
                string previous = link == 0 ? "task" : $"p{chain}_{link - 1}";
                nodes.Add(new JsonObject
                {
                    ["id"] = node,
                    ["activity"] = "prompts",
                    ["inputs"] = new JsonObject { ["task"] = "${nodes.task.outputs.task}", ["count"] = link == 0 ? 10 : $"${{nodes.{previous}.outputs.count}}" },
                });
                edges.Add(new JsonObject { ["from"] = previous, ["to"] = node });
                if (link > 0) edges.Add(new JsonObject { ["from"] = "task", ["to"] = node });
            }
        }
        var document = new JsonObject { ["id"] = id, ["version"] = 1, ["name"] = "Five hundred nodes", ["nodes"] = nodes, ["edges"] = edges };
        using HttpClient editor = fixture.Server.Client("editor");
        using HttpResponseMessage created = await editor.PostAsJsonAsync("/api/definitions", document);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return id;
    }
}
