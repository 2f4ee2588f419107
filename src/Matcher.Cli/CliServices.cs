using Matcher.Core;
using Matcher.Data;
using Matcher.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Cli;

/// <summary>
/// The same services the web app composes, configured from environment variables (<c>Matcher__Embeddings__Model</c>…).
/// Embeddings are cached in a SQLite file (or the configured store) so re-ranking the same CVs re-embeds only what changed.
/// </summary>
internal static class CliServices
{
    /// <param name="configure">Registrations that take the place of the defaults (the benchmark's metered embedder).</param>
    public static ServiceProvider Build(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddMatcherEngine(configuration);

        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (store.IsSqlite && string.IsNullOrWhiteSpace(store.ConnectionString))
            store.ConnectionString = $"Data Source={DefaultCacheFile()}";
        services.AddMatcherStore(store);
        // Before the configured embedder, which is added only where nothing else has been.
        configure?.Invoke(services);
        services.AddMatcherEmbeddings(configuration);

        var provider = services.BuildServiceProvider();
        provider.MigrateMatcherStoreAsync().GetAwaiter().GetResult();
        return provider;
    }

    /// <summary>Only the readers and the engine's options, as configured: for commands that read a file and store nothing.</summary>
    public static ServiceProvider BuildReaders() =>
        new ServiceCollection().AddMatcherEngine(new ConfigurationBuilder().AddEnvironmentVariables().Build()).BuildServiceProvider();

    private static string DefaultCacheFile()
    {
        var folder = Environment.GetEnvironmentVariable("Matcher__DataFolder") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "matcher");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "matcher-cli.db");
    }
}
