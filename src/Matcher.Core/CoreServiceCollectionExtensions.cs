using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The readers, the engine and the ranker, with their options bound from configuration. Shared by the web app and the CLI.</summary>
    public static IServiceCollection AddMatcherCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentReaderOptions>(configuration.GetSection("Matcher:Uploads"));
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<MatchingOptions>, MatchingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DocumentReader>();
        services.AddSingleton<CvReader>();
        services.AddSingleton<PostingReader>();
        services.AddSingleton<IMatchEngine, MatchEngine>();
        services.AddSingleton<Ranker>();
        return services;
    }
}
