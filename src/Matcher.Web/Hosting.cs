using Matcher.Data;
using Matcher.Data.Embeddings;
using Matcher.Embeddings;
using Matcher.Web.Accounts;
using Matcher.Web.Components;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Cvs;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Postings;
using Matcher.Web.Services.Privacy;
using Matcher.Web.Services.Ranking;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Users;
using Matcher.Web.Services.Work;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Matcher.Web;

/// <summary>How the web app composes its parts. Program.cs reads as the table of contents.</summary>
public static class Hosting
{
    /// <summary>
    /// Where the data lives: SQLite in <c>{DataFolder}/matcher.db</c> unless a connection string is configured, or
    /// PostgreSQL when <c>Matcher:Store:Provider</c> says so, and the file store of uploaded originals.
    /// </summary>
    public static StoreOptions ConfiguredStore(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.IsPostgreSql)
                throw new InvalidOperationException(
                    "Matcher:Store:ConnectionString is empty. With the PostgreSQL provider it must name the server, e.g. Host=db;Database=matcher;Username=matcher;Password=….");
            options.ConnectionString = $"Data Source={Path.Combine(DataFolder(builder), "matcher.db")}";
        }
        // Uploaded originals live in files, not in the database; several instances must point at one shared folder.
        options.FilesFolder = builder.Configuration["Matcher:Files:Folder"] is { Length: > 0 } files
            ? Path.GetFullPath(files, builder.Environment.ContentRootPath)
            : Path.Combine(DataFolder(builder), "files");
        return options;
    }

    /// <summary>
    /// Sign-in cookies and reset links stay valid across restarts because their keys live with the data: in the
    /// shared database when several instances must accept each other's cookies, else in the data folder.
    /// </summary>
    public static WebApplicationBuilder AddMatcherDataProtection(this WebApplicationBuilder builder, StoreOptions store)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Matcher");
        if (store.IsPostgreSql)
            protection.PersistKeysToDbContext<MatcherDbContext>();
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataFolder(builder), "keys")));
        return builder;
    }

    private static string DataFolder(WebApplicationBuilder builder)
    {
        var folder = builder.Configuration["Matcher:DataFolder"] is { Length: > 0 } configured ? configured : "data";
        folder = Path.GetFullPath(folder, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// What the pages and endpoints call: the posting library, reading and matching, sessions, notes and overrides,
    /// rankings, the audit log and the privacy services. Test hosts compose the same set over their own store,
    /// embedder and signed-in person.
    /// </summary>
    public static IServiceCollection AddMatcherApplication(this IServiceCollection services)
    {
        services.AddPostingLibrary();
        services.AddMatchWorkflow();
        services.TryAddScoped<AccessScope>();
        services.AddScoped<SessionSharing>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<SeveralPostingsMatch>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<PostingQueries>();
        services.AddScoped<CvStore>();
        services.AddScoped<SessionNotes>();
        services.AddScoped<SessionTitles>();
        services.AddScoped<ReportOverrides>();
        services.AddSingleton<AuditLog>();
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.Section);
        services.AddSingleton<RankingSignal>();
        services.AddSingleton<RankingJobRunner>();
        services.AddScoped<RankingJobs>();
        services.AddScoped<ApplicantIntake>();
        services.AddMatcherPrivacy();
        return services;
    }

    /// <summary>
    /// What runs in the background of every instance: the ranking queue, the watch on rankings other instances
    /// work on, the retention sweep and the password-reset mail queue.
    /// </summary>
    public static IServiceCollection AddMatcherWorkers(this IServiceCollection services)
    {
        services.AddHostedService<RankingWorker>();
        services.AddSingleton<SharedRankingWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedRankingWatcher>());
        services.AddHostedService<RetentionWorker>();
        services.AddHostedService<PasswordResetMailWorker>();
        return services;
    }

    /// <summary>The interactive server-rendered pages and MudBlazor's services.</summary>
    public static IServiceCollection AddMatcherUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents()
            // The default 32 KB drops the connection when a long posting is pasted; allow the longest paste the text boxes take.
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = InputLimits.MaxMessageBytes);
        services.AddMudServices();
        return services;
    }

    /// <summary>Reading and matching on the pages, with the limit on how much of it one person runs at once.</summary>
    internal static IServiceCollection AddMatchWorkflow(this IServiceCollection services)
    {
        services.AddOptions<WorkOptions>().BindConfiguration(WorkOptions.Section)
            .Validate(o => o.MatchesPerPerson >= 1, "Matcher:Work:MatchesPerPerson must be 1 or more.")
            .ValidateOnStart();
        services.TryAddSingleton<MatchGate>();
        services.TryAddScoped<AccessScope>();
        services.AddCircuitWork();
        services.AddScoped<MatchWorkflow>();
        return services;
    }

    /// <summary>Work a page starts ends with the page's circuit.</summary>
    private static IServiceCollection AddCircuitWork(this IServiceCollection services)
    {
        services.TryAddScoped<CircuitWork>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitWorkHandler>());
        return services;
    }

    /// <summary>
    /// The posting library and its server-side download of postings by address, with its own HTTP client so
    /// its limits stay its own.
    /// </summary>
    internal static IServiceCollection AddPostingLibrary(this IServiceCollection services)
    {
        services.AddCircuitWork();
        services.TryAddScoped<AccessScope>();
        services.AddScoped<PostingLibrary>();
        services.AddOptions<PostingFetchOptions>().BindConfiguration(PostingFetchOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxRedirects >= 0, "Matcher:PostingFetch needs a positive Timeout and MaxRedirects of 0 or more.")
            .ValidateOnStart();
        services.AddHttpClient(PostingUrlFetcher.HttpClientName, client =>
            {
                // The fetcher enforces its own deadline so it can tell a slow site from a cancelled request.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Matcher/1.0 (posting import)");
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<PostingFetchOptions>>().Value;
                return new SocketsHttpHandler
                {
                    // The fetcher follows redirects itself, checking each address.
                    AllowAutoRedirect = false,
                    AutomaticDecompression = System.Net.DecompressionMethods.All,
                    UseProxy = false,
                    ConnectCallback = PublicAddressGuard.ConnectCallback(options.AllowPrivateAddresses),
                };
            });
        services.AddSingleton<PostingUrlFetcher>();
        return services;
    }
}
