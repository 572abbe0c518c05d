using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PrefFlow.Designer.Tests;

/// <summary>
/// A user builds the always-smallest workflow from an empty canvas with the mouse, sets a decreasing budget, publishes
/// it, runs it with the tiny preset, watches the run complete and reads its metrics chart.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BuildAndRunTests(BrowserFixture fixture)
{
    private static readonly (string Tool, string Id)[] Body =
        [("prompts", "prompts"), ("sample", "sample"), ("score", "score"), ("instance-select", "instance_select"), ("corpus-select", "corpus_select"), ("oracle", "oracle"), ("train", "train"), ("eval", "eval")];

    [Fact]
    public async Task A_user_builds_always_smallest_by_dragging_publishes_it_runs_it_and_sees_its_metrics()
    {
        // A large screen: the whole workflow fits at a zoom where every port can be hit with the mouse.
        IPage page = await fixture.SignedInPageAsync("admin", 2560, 1440);
        await BrowserFixture.OnFailureScreenshotAsync(page, "failed-build-and-run", () => BuildPublishAndRunAsync(page));
    }

    private static async Task BuildPublishAndRunAsync(IPage page)
    {
        string id = "ui-smallest-" + Guid.NewGuid().ToString("N")[..6];

        // An empty definition, created from the definitions page.
        await page.ClickAsync("a[href='/definitions']");
        await BrowserFixture.ScreenshotAsync(page, "01-definitions");
        await page.GetByRole(AriaRole.Button, new() { Name = "New" }).ClickAsync();
        await page.FillAsync("[data-testid=new-definition-id]", id);
        await page.FillAsync("[data-testid=new-definition-name]", "Always smallest, drawn in the designer");
        await page.ClickAsync("[data-testid=create-definition]");
        // The app navigates with the History API (no page load): poll the address.
        await Expect(page).ToHaveURLAsync(new Regex($"/definitions/{id}$"));
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "02-designer-empty");

        var canvas = new Canvas(page);
        await canvas.DropAsync("task", 80, 80);
        await canvas.DropAsync("pretrain", 80, 300);
        await canvas.DropAsync("loop", 420, 60);
        await Expect(canvas.Node("iterations")).ToBeVisibleAsync();
        // Each body activity is dropped inside the loop, near its right edge (the loop grows to hold it), on two rows so
        // that neighbours' ports stay apart.
        for (int i = 0; i < Body.Length; i++)
        {
            await page.ClickAsync("text=Zoom to fit");
            await page.WaitForTimeoutAsync(300);
            LocatorBoundingBoxResult box = (await canvas.Node("iterations").BoundingBoxAsync())!;
            LocatorBoundingBoxResult area = (await page.Locator("[data-testid=canvas]").BoundingBoxAsync())!;
            await canvas.DropAsync(Body[i].Tool, box.X - area.X + box.Width - 30, box.Y - area.Y + 70 + (i % 2) * 200);
            await Expect(canvas.Node($"iterations/{Body[i].Id}")).ToBeVisibleAsync();
        }
        // The loop carries the policy from one iteration to the next.
        await canvas.SelectAsync("iterations");
        await page.FillAsync("[data-testid=new-carried]", "policy");
        await page.ClickAsync(".carried button:has-text('Add')");
        await page.SelectOptionAsync("[data-testid=budget-rule]", "decrease");
        await SetFieldAsync(page, "[data-testid=budget-total]", "60");
        await SetFieldAsync(page, "[data-testid=budget-iterations]", "3");
        await Expect(page.Locator("[data-testid=budget-editor] [data-chart='Prompts per iteration'] rect")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=budget-kept]")).ToContainTextAsync("15, 10, 5");
        await page.ClickAsync("text=Zoom to fit");
        await page.WaitForTimeoutAsync(400);

        const string loop = "iterations";
        string B(string node) => $"{loop}/{node}";
        await canvas.ConnectAsync("task", "out:task", "pretrain", "in:task");
        await canvas.ConnectAsync("pretrain", "out:policy", loop, "carry:policy");
        await canvas.ConnectAsync("task", "out:task", B("prompts"), "in:task");
        await canvas.ConnectAsync(loop, "previous:policy", B("sample"), "in:policy");
        await canvas.ConnectAsync(B("prompts"), "out:prompts", B("sample"), "in:prompts");
        await canvas.ConnectAsync(loop, "previous:policy", B("score"), "in:policy");
        await canvas.ConnectAsync("pretrain", "out:policy", B("score"), "in:reference");
        await canvas.ConnectAsync(B("sample"), "out:responses", B("score"), "in:responses");
        await canvas.ConnectAsync(B("score"), "out:scores", B("instance_select"), "in:scores");
        await canvas.ConnectAsync(B("instance_select"), "out:candidates", B("corpus_select"), "in:candidates");
        await canvas.ConnectAsync(B("corpus_select"), "out:pairs", B("oracle"), "in:pairs");
        await canvas.ConnectAsync("task", "out:task", B("oracle"), "in:task");
        await canvas.ConnectAsync(loop, "previous:policy", B("train"), "in:policy");
        await canvas.ConnectAsync("pretrain", "out:policy", B("train"), "in:reference");
        await canvas.ConnectAsync(B("oracle"), "out:labelled", B("train"), "in:pairs");
        await canvas.ConnectAsync(B("train"), "out:policy", B("eval"), "in:policy");
        await canvas.ConnectAsync("pretrain", "out:policy", B("eval"), "in:reference");
        await canvas.ConnectAsync("task", "out:task", B("eval"), "in:task");
        await canvas.ConnectAsync(B("train"), "out:policy", loop, "next:policy");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(19);
        await page.ClickAsync("text=Auto-layout");
        await page.WaitForTimeoutAsync(800);
        await page.ClickAsync("text=Zoom to fit");
        await page.WaitForTimeoutAsync(400);

        // Inputs that are not artifacts are set in the inspector, generated from the activity's descriptor.
        await canvas.SelectAsync("pretrain");
        await page.SelectOptionAsync("[data-testid=input-preset] select", "tiny");
        await SetFieldAsync(page, "[data-testid=input-steps] input", "0");
        await Expect(page.Locator("[data-testid=input-steps] .field-error")).ToBeVisibleAsync();
        await SetFieldAsync(page, "[data-testid=input-steps] input", "30");
        await Expect(page.Locator("[data-testid=input-steps] .field-error")).ToHaveCountAsync(0);
        await canvas.SelectAsync(B("prompts"));
        await BindAsync(page, "count", "iteration budget");
        await BindAsync(page, "stream", "iteration index");
        await canvas.SelectAsync(B("instance_select"));
        await page.SelectOptionAsync("[data-testid=input-strategy] select", "smallest");
        await canvas.SelectAsync(B("corpus_select"));
        await page.SelectOptionAsync("[data-testid=input-strategy] select", "smallest");
        await BindAsync(page, "budget", "iteration keptPairs");
        await canvas.SelectAsync(B("eval"));
        await SetFieldAsync(page, "[data-testid=input-prompts] input", "10");

        await page.ClickAsync(".react-flow__pane", new() { Position = new() { X = 5, Y = 5 } });
        await Expect(page.Locator("[data-testid=problem-count]")).ToHaveTextAsync("valid", new() { Timeout = 10_000 });
        await BrowserFixture.ScreenshotAsync(page, "03-designer-built");
        await page.ClickAsync("[data-testid=toggle-json]");
        await Expect(page.Locator("[data-testid=json-view] .monaco-editor")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "04-designer-json");
        await page.ClickAsync("[data-testid=toggle-json]");

        await page.ClickAsync("[data-testid=publish]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("Published version 1");

        await page.ClickAsync("[data-testid=run]");
        await Expect(page.Locator("[data-testid=run-dialog]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "05-run-dialog");
        await page.ClickAsync("[data-testid=start-run]");
        await Expect(page).ToHaveURLAsync(new Regex("/runs/[^/]+$"));
        await Expect(page.Locator("[data-testid=run-status]")).ToHaveTextAsync("succeeded", new() { Timeout = 240_000 });
        await Expect(page.Locator($"[data-testid='run-node-{B("eval")}']")).ToHaveAttributeAsync("data-status", "succeeded");
        await BrowserFixture.ScreenshotAsync(page, "06-run-succeeded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Metrics" }).ClickAsync();
        await Expect(page.Locator("[data-chart='Win rates'] svg circle")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "07-run-metrics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Timeline" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "08-run-timeline");
    }

    private static async Task SetFieldAsync(IPage page, string selector, string value)
    {
        await page.FillAsync(selector, value);
        await page.PressAsync(selector, "Tab");
    }

    private static async Task BindAsync(IPage page, string input, string label)
    {
        ILocator field = page.Locator($"[data-testid=input-{input}]");
        await field.Locator("button:has-text('bind')").ClickAsync();
        await field.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = label });
    }
}
