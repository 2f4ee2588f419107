using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One fresh browser context (own cookies and storage) per test, signed in as someone who holds every role.
/// Any page error or console error fails the test, and a failing test leaves a screenshot in test-artifacts/e2e.
/// Which app the test talks to, and who it is signed in as, comes from <see cref="SharedAppTest"/> or
/// <see cref="OwnAppTest"/>.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IBrowserContext? _context;
    private readonly List<string> _pageErrors = [];

    /// <summary>The name of whoever the test is signed in as: an administrator who holds every role.</summary>
    public const string AdminName = "Ada Admin";

    /// <summary>A tag unique to this test, for the e-mail addresses of the people it creates.</summary>
    private readonly string _tag = Guid.NewGuid().ToString("N")[..10];

    /// <summary>A temp folder of the test's own, for files it writes or downloads.</summary>
    protected string Scratch { get; } = Directory.CreateTempSubdirectory("matcher-e2e-scratch-").FullName;

    protected IPage Page { get; private set; } = null!;

    /// <summary>An e-mail address no other test uses, so people created by tests on one app never collide.</summary>
    protected string UniqueEmail(string name) => $"{name}-{_tag}@example.org";

    public abstract ValueTask InitializeAsync();

    /// <summary>Opens this test's browser context and page on the app; with a saved sign-in when given one.</summary>
    protected async Task OpenBrowserAsync(Uri baseUri, string? storageState = null)
    {
        var chromium = await FixtureAsync<Chromium>();
        _context = await chromium.NewContextAsync(baseUri, storageState);
        Page = await _context.NewPageAsync();
        Page.PageError += (_, error) => _pageErrors.Add(error);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _pageErrors.Add(message.Text);
        };
    }

    /// <summary>One of the run's assembly fixtures (see AssemblyFixtures.cs).</summary>
    protected static async Task<T> FixtureAsync<T>() where T : class =>
        await TestContext.Current.GetFixture<T>() ?? throw new InvalidOperationException($"The {typeof(T).Name} assembly fixture is missing.");

    /// <summary>Forgets the browser's sign-in, as a fresh browser would have none.</summary>
    protected Task ForgetSignInAsync() => _context!.ClearCookiesAsync();

    protected Task FillNewAccountAsync(string name, string email) => Flows.FillNewAccountAsync(Page, name, email);

    protected Task SignInAsync(string email) => Flows.SignInAsync(Page, email);

    protected async Task SignOutAsync()
    {
        await Page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("You are signed out.")).ToBeVisibleAsync();
    }

    /// <summary>Chooses a CV on Check my fit once its upload control is live.</summary>
    protected Task ChooseCvAsync(string path) => Flows.ChooseCvAsync(Page, path);

    /// <summary>Runs Check my fit with a CV file and a pasted posting; returns the report's path.</summary>
    protected Task<string> CheckFitAsync(string cvPath, string postingPath) =>
        Flows.CheckFitAsync(Page, cvPath, postingPath, TestContext.Current.CancellationToken);

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
        TryDelete(Scratch);
        GC.SuppressFinalize(this);
    }

    protected static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// A test on the run's one shared app (<see cref="SharedApp"/>). The shared administrator adds a person of the
/// test's own, holding every role and named <see cref="BrowserTest.AdminName"/>, and the test signs in as them: their
/// sessions, postings, rankings and running matches are theirs alone, so tests neither see nor wait for each other's.
/// </summary>
public abstract class SharedAppTest : BrowserTest
{
    /// <summary>The e-mail address of the person this test is signed in as.</summary>
    protected string Email => UniqueEmail("ada");

    private AppProcess? _app;

    public override async ValueTask InitializeAsync()
    {
        var started = await (await FixtureAsync<SharedApp>()).GetAsync(await FixtureAsync<Chromium>());
        _app = started.App;
        await OpenBrowserAsync(started.App.BaseUri, started.AdministratorState);
        await Flows.AddPersonAsync(Page, AdminName, Email, "admin", "coordinator", "advisor", "candidate");
        await ForgetSignInAsync();
        await SignInAsync(Email);
    }

    public override async ValueTask DisposeAsync()
    {
        // The shared app's log is everyone's; the end of it is what a failing test most likely left there.
        if (TestContext.Current.TestState?.Result == TestResult.Failed && _app is not null)
        {
            var output = _app.Output;
            TestContext.Current.TestOutputHelper?.WriteLine("The shared app's log ends:\n" + output[Math.Max(0, output.Length - 8_000)..]);
        }
        await base.DisposeAsync();
    }
}

/// <summary>
/// A test that starts an app process of its own, on its own data folder, because it does what would disturb other
/// tests on a shared one: restarting or killing the app, or running it with settings of its own. It signs in as the
/// first administrator, created on the app's set-up page.
/// </summary>
public abstract class OwnAppTest : BrowserTest
{
    public const string AdminEmail = "ada@example.org";

    protected string DataFolder { get; } = Directory.CreateTempSubdirectory("matcher-e2e-data-").FullName;

    protected AppProcess App { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        App = await AppProcess.StartAsync(DataFolder, TestContext.Current.CancellationToken);
        await OpenBrowserAsync(App.BaseUri);
        await Flows.CreateFirstAdministratorAsync(Page, AdminName, AdminEmail);
    }

    /// <summary>Stops the app and starts it again on the same data folder, as after a restart.</summary>
    protected async Task RestartAppAsync()
    {
        // Leave the app's pages first: a page left open would report its lost connection as errors.
        await Page.GotoAsync("about:blank");
        await App.DisposeAsync();
        App = await AppProcess.StartAsync(DataFolder, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        TryDelete(DataFolder);
    }
}
