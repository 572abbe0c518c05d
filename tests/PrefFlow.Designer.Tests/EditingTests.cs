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
            await new Canvas(page).OpenAsync(id);
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

    [Fact]
    public async Task A_node_dragged_into_a_loop_and_out_again_moves_there_and_a_move_that_breaks_a_binding_is_refused()
    {
        string id = await CopyOfAlwaysSmallestAsync();
        IPage page = await fixture.SignedInPageAsync("editor", 1920, 1080);
        var canvas = new Canvas(page);
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-moving", async () =>
        {
            await canvas.OpenAsync(id);

            // Into the loop: the loop under the pointer is marked while dragging, and the node lands in its body.
            LocatorBoundingBoxResult loop = (await canvas.Node("iterations").BoundingBoxAsync())!;
            await canvas.DragAsync("initial_eval", loop.X + loop.Width - 80, loop.Y + loop.Height - 40, async () =>
            {
                await Expect(page.Locator(".react-flow__node.drop-target[data-id=iterations]")).ToHaveCountAsync(1);
                await BrowserFixture.ScreenshotAsync(page, "designer-move-into-loop");
            });
            await Expect(canvas.Node("iterations/initial_eval")).ToBeVisibleAsync();
            await Expect(canvas.Node("initial_eval")).ToHaveCountAsync(0);
            await Expect(page.Locator(".react-flow__node.drop-target")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("problem-count")).ToHaveTextAsync("valid");
            await page.ClickAsync("[data-testid=save-draft]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("Draft saved");
            Assert.Contains("initial_eval", BodyIds(await DraftAsync(id)));

            // A node that reads another node of the loop cannot leave it: refused with the reason, and it stays.
            loop = (await canvas.Node("iterations").BoundingBoxAsync())!;
            LocatorBoundingBoxResult view = (await page.GetByTestId("canvas").BoundingBoxAsync())!;
            float outsideY = loop.Y - 30 > view.Y + 10 ? loop.Y - 30 : loop.Y + loop.Height + 30;
            await canvas.DragAsync("iterations/eval", loop.X + 40, outsideY);
            await Expect(page.Locator(".notice")).ToContainTextAsync("Not moved: 'eval' reads 'train'");
            await Expect(canvas.Node("iterations/eval")).ToBeVisibleAsync();

            // Out again, to the top level.
            await canvas.DragAsync("iterations/initial_eval", loop.X + 40, outsideY);
            await Expect(canvas.Node("initial_eval")).ToBeVisibleAsync();
            await Expect(canvas.Node("iterations/initial_eval")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=save-draft]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("Draft saved");
        });

        JsonNode draft = await DraftAsync(id);
        Assert.DoesNotContain("initial_eval", BodyIds(draft));
        Assert.Contains(draft["nodes"]!.AsArray(), n => (string?)n!["id"] == "initial_eval");
        Assert.Contains(draft["edges"]!.AsArray(), e => (string?)e!["from"] == "initial" && (string?)e["to"] == "initial_eval");
    }

    [Fact]
    public async Task Drawing_from_an_output_offers_the_inputs_that_take_its_type_and_binds_one()
    {
        string id = await CopyOfAlwaysSmallestAsync();
        IPage page = await fixture.SignedInPageAsync("editor", 1920, 1080);
        var canvas = new Canvas(page);
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-offered-inputs", async () =>
        {
            await canvas.OpenAsync(id);
            // eval's prompts (an integer bound to a parameter) has no handle until an integer output is drawn from.
            ILocator prompts = page.Locator(".react-flow__node[data-id=initial_eval] .react-flow__handle[data-handleid='in:prompts']");
            await Expect(prompts).ToHaveCountAsync(0);
            await canvas.ConnectAsync("offline_pairs", "out:count", "initial_eval", "in:prompts", async () =>
            {
                await Expect(prompts).ToHaveCountAsync(1);
                // Artifact-only inputs are not offered an integer; an input already shown is not offered twice.
                await Expect(page.Locator(".react-flow__node[data-id=initial_eval] .port.in.offered")).ToHaveTextAsync(["prompts", "klPrompts", "klSamples"]);
                await BrowserFixture.ScreenshotAsync(page, "designer-offered-inputs");
            });
            await Expect(prompts).ToHaveCountAsync(1);
            await Expect(page.Locator(".port.in.offered")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=save-draft]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("Draft saved");
        });

        JsonNode evaluation = (await DraftAsync(id))["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "initial_eval")!;
        Assert.Equal("${nodes.offline_pairs.outputs.count}", (string?)evaluation["inputs"]!["prompts"]);
    }

    [Fact]
    public async Task A_node_whose_id_has_a_dash_is_read_and_wired_in_brackets_and_a_connection_of_the_wrong_type_is_refused()
    {
        string id = await CopyOfAlwaysSmallestAsync(json => json.Replace("offline_pairs", "offline-pairs", StringComparison.Ordinal)
            .Replace("${nodes.offline-pairs.", "${nodes['offline-pairs'].", StringComparison.Ordinal));
        IPage page = await fixture.SignedInPageAsync("editor", 1920, 1080);
        var canvas = new Canvas(page);
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-dashed-ids", async () =>
        {
            await canvas.OpenAsync(id);
            // The bracket bindings are drawn as edges, and the definition is valid.
            await Expect(page.GetByTestId("rf__edge-input:offline_keep:in:candidates")).ToHaveCountAsync(1);
            await Expect(page.GetByTestId("problem-count")).ToHaveTextAsync("valid");
            // An integer output onto an artifact input: nothing changes.
            await canvas.ConnectAsync("offline-pairs", "out:count", "initial", "in:policy");
            // An integer output onto an integer input: bound in brackets.
            await canvas.ConnectAsync("offline-pairs", "out:count", "initial_eval", "in:prompts");
            await page.ClickAsync("[data-testid=save-draft]");
            await Expect(page.Locator(".notice")).ToContainTextAsync("Draft saved");
            await Expect(page.GetByTestId("problem-count")).ToHaveTextAsync("valid");
        });

        JsonArray nodes = (await DraftAsync(id))["nodes"]!.AsArray();
        Assert.Equal("${nodes['offline-pairs'].outputs.count}", (string?)nodes.Single(n => (string?)n!["id"] == "initial_eval")!["inputs"]!["prompts"]);
        Assert.Equal("${nodes.pretrain.outputs.policy}", (string?)nodes.Single(n => (string?)n!["id"] == "initial")!["inputs"]!["policy"]);
    }

    [Fact]
    public async Task A_layout_arranged_in_one_browser_is_the_one_another_browser_opens()
    {
        string id = await CopyOfAlwaysSmallestAsync();
        IPage editor = await fixture.SignedInPageAsync("editor", 1920, 1080);
        var canvas = new Canvas(editor);
        string before = "", moved = "";
        await BrowserFixture.OnFailureScreenshotAsync(editor, "failed-shared-layout", async () =>
        {
            await canvas.OpenAsync(id);
            before = await TransformAsync(editor, "task");
            LocatorBoundingBoxResult task = (await canvas.Node("task").Locator(".flow-node-header").BoundingBoxAsync())!;
            Task<IResponse> saved = editor.WaitForResponseAsync(r => r.Url.EndsWith($"/api/definitions/{id}/layout", StringComparison.Ordinal) && r.Request.Method == "PUT");
            await canvas.DragAsync("task", task.X + 20, task.Y + task.Height / 2 + 150);
            Assert.True((await saved).Ok);
            moved = await TransformAsync(editor, "task");
            Assert.NotEqual(before, moved);
        });

        // Another browser (its own storage), another key: the same positions, the moved node where it was left.
        IPage viewer = await fixture.SignedInPageAsync("viewer", 1920, 1080);
        await BrowserFixture.OnFailureScreenshotAsync(viewer, "failed-shared-layout-viewer", async () =>
        {
            await new Canvas(viewer).OpenAsync(id);
            Assert.Equal(moved, await TransformAsync(viewer, "task"));
        });
    }

    // Where React Flow draws a node on the canvas (its CSS transform holds the node's position).
    private static Task<string> TransformAsync(IPage page, string path) =>
        page.Locator($".react-flow__node[data-id='{path}']").EvaluateAsync<string>("node => node.style.transform");

    private static string[] BodyIds(JsonNode definition) =>
        [.. definition["nodes"]!.AsArray().Single(n => (string?)n!["id"] == "iterations")!["loop"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!)];

    private async Task<JsonNode> DraftAsync(string id)
    {
        using HttpClient editor = fixture.Server.Client("editor");
        return JsonNode.Parse(await editor.GetStringAsync(new Uri($"/api/definitions/{id}/draft", UriKind.Relative)))!["definition"]!;
    }

    // A copy of always-smallest published under a new id, its JSON text changed first by <paramref name="change"/>.
    private async Task<string> CopyOfAlwaysSmallestAsync(Func<string, string>? change = null)
    {
        using HttpClient editor = fixture.Server.Client("editor");
        string id = "edit-" + Guid.NewGuid().ToString("N")[..6];
        JsonNode source = JsonNode.Parse(await editor.GetStringAsync(new Uri("/api/definitions/always-smallest/draft", UriKind.Relative)))!["definition"]!;
        if (change is not null) source = JsonNode.Parse(change(source.ToJsonString()))!;
        source["id"] = id;
        source["version"] = 1;
        (await editor.PostAsJsonAsync("/api/definitions", source)).EnsureSuccessStatusCode();
        return id;
    }
}
