using Matcher.Data.Erasure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Data;

/// <summary>Which database holds Matcher's data. SQLite in a local file unless configured otherwise.</summary>
public sealed class StoreOptions
{
    public const string Section = "Matcher:Store";

    /// <summary><c>Sqlite</c> (default).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Empty means a <c>matcher.db</c> file in the data folder.</summary>
    public string ConnectionString { get; set; } = "";
}

public static class StoreServiceCollectionExtensions
{
    public static IServiceCollection AddMatcherStore(this IServiceCollection services, StoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        services.AddDbContextFactory<MatcherDbContext>(builder =>
        {
            switch (options.Provider.ToUpperInvariant())
            {
                case "SQLITE":
                    builder.UseSqlite(options.ConnectionString).AddInterceptors(new SecureDeleteInterceptor());
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Matcher:Store:Provider '{options.Provider}' is not supported. Use 'Sqlite'.");
            }
        });
        return services;
    }

    /// <summary>Creates the database on first start and applies any migrations it lacks.</summary>
    public static async Task MigrateMatcherStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
