using Matcher.Core;
using Matcher.Data;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Cvs;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Postings;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>What the Check my fit page needs, over a test store and the embedder a test brings.</summary>
internal static class CheckFitServices
{
    public static IServiceCollection AddCheckFit(this IServiceCollection services, SqliteStore store, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        services.AddSingleton<IDbContextFactory<MatcherDbContext>>(store);
        services.AddSingleton(store.Files);
        services.AddSingleton<TimeProvider>(TestTime.Clock());
        services.AddMatcherEngine(new ConfigurationBuilder().Build());
        services.AddSingleton(embedder);
        services.AddSingleton<ICurrentUser>(TestUser.Local());
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMatcherApplication();
        return services;
    }
}
