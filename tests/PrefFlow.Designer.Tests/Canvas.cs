using Microsoft.Playwright;

namespace PrefFlow.Designer.Tests;

/// <summary>What a user does on the designer's canvas, with the mouse: drop activities, connect handles.</summary>
internal sealed class Canvas(IPage page)
{
    /// <summary>Opens a definition in the designer and waits until its first layout has placed the nodes.</summary>
    public async Task OpenAsync(string definition)
    {
        await page.GotoAsync($"/definitions/{definition}");
        await Assertions.Expect(page.Locator("[data-testid=canvas][data-layout=ready]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Drags a toolbox item (an activity's name, or "loop") onto the canvas at a point of the canvas.</summary>
    public async Task DropAsync(string tool, float x, float y)
    {
        await page.DragAndDropAsync($"[data-testid='tool-{tool}']", "[data-testid=canvas]", new PageDragAndDropOptions { TargetPosition = new TargetPosition { X = x, Y = y } });
    }

    public ILocator Node(string path) => page.Locator($"[data-testid='node-{path}']");

    /// <summary>
    /// Presses on a source handle and releases on a target handle, as a user drawing an edge does; the edge must appear.
    /// The target handle is looked for once the drawing has begun (some only appear then); <paramref name="whileDrawing"/>
    /// runs at that moment.
    /// </summary>
    public async Task ConnectAsync(string sourcePath, string sourceHandle, string targetPath, string targetHandle, Func<Task>? whileDrawing = null)
    {
        ILocator source = Handle(sourcePath, sourceHandle);
        await source.ScrollIntoViewIfNeededAsync();
        LocatorBoundingBoxResult from = (await source.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2 + 15, from.Y + from.Height / 2 + 5, new MouseMoveOptions { Steps = 3 });
        if (whileDrawing is not null) await whileDrawing();
        LocatorBoundingBoxResult to = (await Handle(targetPath, targetHandle).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((from.X + to.X) / 2, (from.Y + to.Y) / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId($"rf__edge-{EdgeId(targetPath, targetHandle)}")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 3000 });
        }
        catch (PlaywrightException error)
        {
            throw new InvalidOperationException($"connecting {sourcePath} {sourceHandle} to {targetPath} {targetHandle} drew no edge", error);
        }
    }

    // The designer names an edge by what it sets: an input of a node, or a carried or next value of a loop.
    private static string EdgeId(string targetPath, string targetHandle) =>
        targetHandle.StartsWith("next:", StringComparison.Ordinal) ? $"next:{targetPath}:{targetHandle[5..]}"
        : targetHandle.StartsWith("carry:", StringComparison.Ordinal) ? $"carry:{targetPath}:{targetHandle}"
        : $"input:{targetPath}:{targetHandle}";

    /// <summary>
    /// Drags a node by its header to a point of the page, as a user does: press, move in steps, release.
    /// <paramref name="whileOver"/> runs with the mouse still down over the point.
    /// </summary>
    public async Task DragAsync(string path, float x, float y, Func<Task>? whileOver = null)
    {
        LocatorBoundingBoxResult header = (await Node(path).Locator(".flow-node-header").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(header.X + 20, header.Y + header.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y, new MouseMoveOptions { Steps = 12 });
        if (whileOver is not null) await whileOver();
        await page.Mouse.UpAsync();
    }

    /// <summary>Selects a node by clicking its header.</summary>
    public Task SelectAsync(string path) => Node(path).Locator(".flow-node-header").ClickAsync();

    private ILocator Handle(string path, string handle) =>
        page.Locator($".react-flow__node[data-id='{path}'] .react-flow__handle[data-handleid='{handle}']").First;
}
