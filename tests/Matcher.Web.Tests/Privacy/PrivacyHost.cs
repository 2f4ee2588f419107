using Matcher.Core;
using Matcher.Core.Embeddings;
using Matcher.Core.Ranking;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Embeddings;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Privacy;
using Matcher.Web.Services.Ranking;
using Matcher.Web.Tests.Services;
using Matcher.Web.Tests.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Web.Tests.Privacy;

/// <summary>A clock the test moves forward, as days pass.</summary>
/// <summary>
/// The app's services over a real, migrated store (a SQLite file unless a test gives another): matching with a caching embedder (so the embedding
/// cache fills as it does in the app), notes, overrides, rankings, the audit log and the privacy services.
/// </summary>
public sealed class PrivacyHost : IAsyncDisposable
{
    public const string ModelId = "hashing-test-model";

    private readonly TestStore _store;

    public ServiceProvider Services { get; }

    /// <summary>The SQLite file; its <c>-wal</c> and <c>-journal</c> companions sit beside it.</summary>
    public string DatabasePath => _store.SqlitePath ?? throw new InvalidOperationException("This host's store is not a SQLite file.");
    public TestUser User { get; } = new("nobody") { DisplayName = "Nobody" };
    public FakeTimeProvider Clock { get; } = TestTime.Clock();

    private PrivacyHost(IReadOnlyDictionary<string, string?> settings, TestStore store)
    {
        _store = store;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddMatcherStore(store.Options);
        services.AddMatcherEngine(configuration);
        // In place of the configured model, and cached in the store as the app caches it.
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new CachingEmbeddingGenerator(new HashingEmbedder(), sp.GetRequiredService<IEmbeddingCache>(), ModelId));
        services.AddSingleton<ICurrentUser>(User);
        services.AddMatcherApplication();
        // The one background worker these tests start themselves; the others need mail and account services this host leaves out.
        services.AddHostedService<RetentionWorker>();
        Services = services.BuildServiceProvider();
    }

    /// <param name="store">Where the data goes; a new SQLite file when not given. The host disposes it.</param>
    public static async Task<PrivacyHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TestStore? store = null)
    {
        store ??= await TestStore.CreateAsync(StoreKind.Sqlite, null, TestContext.Current.CancellationToken);
        var host = new PrivacyHost(settings ?? new Dictionary<string, string?>(), store);
        await host.Services.MigrateMatcherStoreAsync(TestContext.Current.CancellationToken);
        return host;
    }

    public T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public IDbContextFactory<MatcherDbContext> Db => Services.GetRequiredService<IDbContextFactory<MatcherDbContext>>();

    public void SignIn(TestPerson person)
    {
        User.SignInAs(new TestUser(person.Id, null, person.Roles) { DisplayName = person.DisplayName });
    }

    public async Task<int> RunRankingAsync() =>
        await Services.GetRequiredService<RankingJobRunner>().RunNextAsync(TestContext.Current.CancellationToken) ? 1 : 0;

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _store.DisposeAsync();
    }
}

public sealed record TestPerson(string Id, string Email, string DisplayName, params string[] Roles);
