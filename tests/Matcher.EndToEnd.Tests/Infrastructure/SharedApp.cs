using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The one app process most browser tests share, started when a test first asks: its own data folder and port, its
/// first administrator created on the set-up page, that administrator's sign-in saved, and the model warmed by one
/// match so no test pays for the first one. Each test then signs in as a person of its own (see
/// <see cref="SharedAppTest"/>), so what one test stores never shows on another's pages.
/// </summary>
public sealed class SharedApp : IAsyncDisposable
{
    public const string AdministratorName = "Olu Operator";
    public const string AdministratorEmail = "operator@example.org";

    private readonly Lock _gate = new();
    private string? _dataFolder;
    private Task<Started>? _started;

    /// <summary>The running app and the saved sign-in of its first administrator.</summary>
    public sealed record Started(AppProcess App, string AdministratorState);

    /// <summary>The app, started by the first caller with the browser the tests use; the same app for every caller after.</summary>
    public Task<Started> GetAsync(Chromium chromium)
    {
        lock (_gate)
            return _started ??= StartAsync(chromium);
    }

    private async Task<Started> StartAsync(Chromium chromium)
    {
        _dataFolder = Directory.CreateTempSubdirectory("matcher-e2e-shared-").FullName;
        var app = await AppProcess.StartAsync(_dataFolder, CancellationToken.None, new Dictionary<string, string>
        {
            // Every test signs in from this machine's one address; the per-address limit is tested with the web app's own tests.
            ["Matcher__Accounts__SignInAttemptsPerMinute"] = "10000",
        });
        try
        {
            var context = await chromium.NewContextAsync(app.BaseUri);
            try
            {
                var page = await context.NewPageAsync();
                await Flows.CreateFirstAdministratorAsync(page, AdministratorName, AdministratorEmail);
                var state = await context.StorageStateAsync();
                // The first match loads the model and warms the code paths; every test after it finds them ready.
                await Flows.CheckFitAsync(page, RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"),
                    RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"), CancellationToken.None);
                return new(app, state);
            }
            finally
            {
                await context.CloseAsync();
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The shared app did not get ready:\n{app.Output}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is { IsCompletedSuccessfully: true })
            await _started.Result.App.DisposeAsync();
        if (_dataFolder is null)
            return;
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
