using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One fresh app (own data folder) and one fresh Chromium profile per test. Any page error or console
/// error fails the test, and a failing test leaves a screenshot in test-artifacts/e2e.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private readonly List<string> _pageErrors = [];
    private readonly string _profile = Directory.CreateTempSubdirectory("matcher-chromium-").FullName;

    public const string AdminName = "Ada Admin";
    public const string AdminEmail = "ada@example.org";
    public const string Password = "correct horse battery staple";

    protected string DataFolder { get; } = Directory.CreateTempSubdirectory("matcher-e2e-data-").FullName;

    /// <summary>Most tests start signed in as the first administrator, who holds every role.</summary>
    protected virtual bool StartSignedIn => true;
    protected AppProcess App { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        App = await AppProcess.StartAsync(DataFolder, TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
            BaseURL = App.BaseUri.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(30_000);
        // The machine running the suite may be busy; a first PDF read can take seconds while code warms up.
        Assertions.SetDefaultExpectTimeout(20_000);
        Page = _context.Pages.Count > 0 ? _context.Pages[0] : await _context.NewPageAsync();
        Page.PageError += (_, error) => _pageErrors.Add(error);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _pageErrors.Add(message.Text);
        };
        if (StartSignedIn)
            await CreateFirstAdministratorAsync();
    }

    /// <summary>Fills in the first-run setup page, which every page leads to until an account exists.</summary>
    protected async Task CreateFirstAdministratorAsync()
    {
        await Page.GotoAsync("/");
        await Page.WaitForURLAsync("**/setup");
        await FillNewAccountAsync(AdminName, AdminEmail);
        await Page.GetByTestId("create-admin").ClickAsync();
        await Page.GetByTestId("signed-in-as").WaitForAsync();
    }

    protected async Task FillNewAccountAsync(string name, string email)
    {
        await Page.Locator("#display-name").FillAsync(name);
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(Password);
        await Page.Locator("#confirm-password").FillAsync(Password);
    }

    protected async Task SignInAsync(string email)
    {
        await Page.GotoAsync("/account/login");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(Password);
        await Page.GetByTestId("sign-in").ClickAsync();
        await Page.GetByTestId("signed-in-as").WaitForAsync();
    }

    protected async Task SignOutAsync()
    {
        await Page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("You are signed out.")).ToBeVisibleAsync();
    }

    /// <summary>Stops the app and starts it again on the same data folder, as after a restart.</summary>
    protected async Task RestartAppAsync()
    {
        // Leave the app's pages first: a page left open would report its lost connection as errors.
        await Page.GotoAsync("about:blank");
        await App.DisposeAsync();
        App = await AppProcess.StartAsync(DataFolder, TestContext.Current.CancellationToken);
    }

    /// <summary>Chooses a CV on Check my fit once its upload control is live.</summary>
    protected async Task ChooseCvAsync(string path)
    {
        await Page.Locator("[data-testid=cv-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=cv-upload] input[type=file]").SetInputFilesAsync(path);
    }

    /// <summary>Runs Check my fit with a CV file and a pasted posting; returns the report's path.</summary>
    protected async Task<string> CheckFitAsync(string cvPath, string postingPath)
    {
        await Page.GotoAsync("/");
        await ChooseCvAsync(cvPath);
        await Page.GetByTestId("cv-summary").WaitForAsync();
        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(postingPath, TestContext.Current.CancellationToken));
        await Page.GetByTestId("match-button").ClickAsync();
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/reports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });
        // The report page loads the saved report after it appears; callers read its rows straight away.
        await Page.GetByTestId("requirement-text").First.WaitForAsync();
        return new Uri(Page.Url).AbsolutePath;
    }

    /// <summary>On a report page, overrides the first partly met requirement to met with a reason; returns its text.</summary>
    protected async Task<string> MarkFirstPartlyMetRowMetAsync(string reason)
    {
        var row = Page.Locator("[data-testid=requirements] tr").Filter(new() { Has = Page.Locator("[data-status=partial]") }).First;
        var requirement = await row.GetByTestId("requirement-text").InnerTextAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Override the status of: {requirement}" }).ClickAsync();
        await row.GetByLabel("New status").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Met", Exact = true }).ClickAsync();
        await row.GetByLabel("Reason").FillAsync(reason);
        await row.GetByRole(AriaRole.Button, new() { Name = "Save override" }).ClickAsync();
        return requirement;
    }

    protected void AssertNoPageErrors() => Assert.True(_pageErrors.Count == 0, "Page errors:\n" + string.Join("\n", _pageErrors));

    public virtual async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed && Page is not null)
        {
            Directory.CreateDirectory(RepositoryPaths.Artifacts);
            var name = string.Join("_", (TestContext.Current.Test?.TestDisplayName ?? "test").Split(Path.GetInvalidFileNameChars()));
            try { await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, name + ".png"), FullPage = true }); }
            catch (PlaywrightException) { }
        }
        if (_context is not null) await _context.CloseAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        TryDelete(_profile);
        TryDelete(DataFolder);
        GC.SuppressFinalize(this);
    }

    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
