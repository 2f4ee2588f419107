using Matcher.Core;
using Matcher.Core.Embeddings;
using Matcher.Data;
using Matcher.Data.Embeddings;
using Matcher.Embeddings;
using Matcher.Web.Services;
using Matcher.Web.Services.Ranking;
using MudBlazor.Services;

namespace Matcher.Web;

/// <summary>How the web app composes its parts. Program.cs reads as the table of contents.</summary>
public static class Hosting
{
    /// <summary>SQLite in <c>{DataFolder}/matcher.db</c> unless a connection string is configured.</summary>
    public static WebApplicationBuilder AddMatcherStore(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var folder = builder.Configuration["Matcher:DataFolder"] is { Length: > 0 } configured ? configured : "data";
            folder = Path.GetFullPath(folder, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            options.ConnectionString = $"Data Source={Path.Combine(folder, "matcher.db")}";
        }
        builder.Services.AddMatcherStore(options);
        return builder;
    }

    /// <summary>Readers, engine and embeddings (local model by default), with vectors cached in the store.</summary>
    public static WebApplicationBuilder AddMatcherEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddMatcherCore(builder.Configuration);
        builder.Services.AddSingleton<IEmbeddingCache, EfEmbeddingCache>();
        builder.Services.AddMatcherEmbeddings(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddMatcherWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<ICurrentUser, LocalUser>();
        services.AddScoped<MatchWorkflow>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<PostingQueries>();
        services.AddOptions<RankingOptions>().BindConfiguration(RankingOptions.Section);
        services.AddSingleton<RankingSignal>();
        services.AddSingleton<RankingJobRunner>();
        services.AddHostedService<RankingWorker>();
        services.AddScoped<RankingJobs>();
        services.AddScoped<ApplicantIntake>();
        return services;
    }
}
