using Matcher.Core;
using Matcher.Data;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Postings;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Services;

/// <summary>
/// The posting library as the app composes it, over a real, migrated SQLite file in a temp folder.
/// Settings (upload limit, fetch timeout) come from the test.
/// </summary>
public sealed class LibraryHost : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-web-tests-").FullName;

    public ServiceProvider Services { get; }
    public TestUser User { get; } = TestUser.WithoutRoles("alice");

    private LibraryHost(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMatcherStore(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "matcher.db")}" });
        services.AddMatcherEngine(configuration);
        services.AddSingleton<ICurrentUser>(User);
        services.AddPostingLibrary();
        Services = services.BuildServiceProvider();
    }

    public static async Task<LibraryHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new LibraryHost(settings ?? new Dictionary<string, string?>());
        Stores.MigratedSqlite.CopyTo(Path.Combine(host._folder, "matcher.db"));
        await host.Services.MigrateMatcherStoreAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public PostingLibrary Library => Services.GetRequiredService<PostingLibrary>();
    public PostingUrlFetcher Fetcher => Services.GetRequiredService<PostingUrlFetcher>();

    public async Task<MatcherDbContext> OpenDbAsync() =>
        await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
