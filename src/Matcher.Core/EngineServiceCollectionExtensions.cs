using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher.Core;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The readers, the engine and the ranker, with their options bound from configuration. Shared by the web app,
    /// the CLI and the tests' hosts. The engine needs an embedder: the configured model
    /// (<c>AddMatcherEmbeddings</c>) or one a host brings.
    /// </summary>
    public static IServiceCollection AddMatcherEngine(this IServiceCollection services, IConfiguration configuration)
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
