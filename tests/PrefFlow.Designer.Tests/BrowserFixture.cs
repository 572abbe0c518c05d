using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PrefFlow.Designer.Tests;

/// <summary>
/// One real <c>prefflow serve</c> (embedded stores, a key per role) and one headless Chromium (the system's, as no
/// browser download works here) shared by the browser tests. Screenshots go to artifacts/screenshots/.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "prefflow-designer-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? playwright;

    public TestServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Chromium: PREFFLOW_CHROMIUM when set, else the Debian package's /usr/bin/chromium.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("PREFFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        Server = TestServer.Start(dataFolder);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    // Uncaught errors and console errors of each page, reported when a test step fails.
    private static readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> PageErrors = new();

    /// <summary>A new browser page signed in with <paramref name="role"/>'s key through the sign-in form.</summary>
    public async Task<IPage> SignedInPageAsync(string role, int width = 1440, int height = 900)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        IPage page = await context.NewPageAsync();
        var errors = PageErrors.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.PageError += (_, error) => errors.Enqueue($"uncaught: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Enqueue($"console: {message.Text}");
        };
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/");
        await page.FillAsync("input[name=apiKey]", Server.Keys[role]);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync(".top-bar");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        // Let charts and the canvas settle before the picture.
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }

    /// <summary>
    /// Presses a key as a person does, holding it for a moment: the canvas reacts to a key being down, which an instant
    /// press and release can skip.
    /// </summary>
    public static async Task HoldKeyAsync(IPage page, string key)
    {
        await page.Keyboard.DownAsync(key);
        await page.WaitForTimeoutAsync(150);
        await page.Keyboard.UpAsync(key);
    }

    /// <summary>Runs a test's steps; when one fails, the page as it was is saved next to the other screenshots.</summary>
    public static async Task OnFailureScreenshotAsync(IPage page, string name, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception failure)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
            // What the page itself reported (an uncaught error blanks a React app) goes with the failure.
            if (PageErrors.TryGetValue(page, out ConcurrentQueue<string>? errors) && !errors.IsEmpty)
            {
                throw new InvalidOperationException($"{failure.Message}\nThe page reported:\n{string.Join('\n', errors)}", failure);
            }
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        Server.Dispose();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? at = new(AppContext.BaseDirectory); at is not null; at = at.Parent)
        {
            if (File.Exists(Path.Combine(at.FullName, "Workflows.sln"))) return at.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
