using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium for the test run, started when a test first asks. Every test
/// gets a context of its own from it (its own cookies and storage), which costs far less than a browser of its own.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _started = new(LaunchAsync);

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Args });
        return (playwright, browser);
    }

    /// <summary>A new, empty browser context on the app at <paramref name="baseUri"/>, or one holding a saved sign-in.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUri, string? storageState = null)
    {
        var (_, browser) = await _started.Value;
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUri.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(30_000);
        // The machine running the suite may be busy; a first PDF read can take seconds while code warms up.
        Assertions.SetDefaultExpectTimeout(20_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_started.IsValueCreated || !_started.Value.IsCompletedSuccessfully)
            return;
        var (playwright, browser) = _started.Value.Result;
        try { await browser.CloseAsync(); }
        catch (PlaywrightException) { }
        playwright.Dispose();
    }
}
