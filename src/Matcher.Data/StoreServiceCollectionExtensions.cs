using Matcher.Core.Embeddings;
using Matcher.Data.Embeddings;
using Matcher.Data.Erasure;
using Matcher.Data.Files;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Matcher.Data;

public static class StoreServiceCollectionExtensions
{
    /// <summary>PostgreSQL's migrations are generated against its own model, so they live in an assembly of their own.</summary>
    public const string PostgreSqlMigrationsAssembly = "Matcher.Data.PostgreSql";

    /// <summary>
    /// The database (a context factory over SQLite or PostgreSQL), the file store of uploaded originals, and the
    /// embedding cache kept in the database. Shared by the web app, the CLI and the tests' hosts.
    /// </summary>
    public static IServiceCollection AddMatcherStore(this IServiceCollection services, StoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        if (!options.IsSqlite && !options.IsPostgreSql)
            throw new InvalidOperationException(
                $"Matcher:Store:Provider '{options.Provider}' is not supported. Use '{StoreOptions.Sqlite}' or '{StoreOptions.PostgreSql}'.");
        services.AddDbContextFactory<MatcherDbContext>(builder => Configure(builder, options));
        services.AddSingleton(_ => new FileStore(FilesFolderOf(options)));
        // Vectors are kept with the data so a restart does not embed every CV again. The configured embedder wraps
        // whatever cache is registered, whether the store or the engine is added first; a host with a cache of its
        // own registers it before this call.
        services.TryAddSingleton<IEmbeddingCache, EfEmbeddingCache>();
        return services;
    }

    private static string FilesFolderOf(StoreOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.FilesFolder))
            return options.FilesFolder;
        if (options.IsSqlite && new SqliteConnectionStringBuilder(options.ConnectionString).DataSource is { Length: > 0 } database
            && Path.GetDirectoryName(Path.GetFullPath(database)) is { Length: > 0 } folder)
            return Path.Combine(folder, "files");
        throw new InvalidOperationException(
            "Matcher:Files:Folder is empty. With the PostgreSQL provider set it to a folder every app instance can read and write, e.g. a shared volume mounted at /srv/matcher/files.");
    }

    /// <summary>Points a context at the configured database; shared with tests and tools that build a context by hand.</summary>
    public static TBuilder Configure<TBuilder>(TBuilder builder, StoreOptions options) where TBuilder : DbContextOptionsBuilder
    {
        if (options.IsPostgreSql)
            builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly));
        else
            builder.UseSqlite(options.ConnectionString).AddInterceptors(new SecureDeleteInterceptor())
                // SQLite cannot alter a column, so EF rebuilds the table, turning foreign keys off around the rebuild
                // (a pragma that cannot run inside a transaction). That is how every such migration works; warning
                // an administrator about it on each fresh install says nothing they could act on.
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));
        return builder;
    }

    /// <summary>Creates the database on first start and applies any migrations it lacks.</summary>
    public static async Task MigrateMatcherStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Instances starting together are safe: EF takes a database-wide lock while it migrates.
        await db.Database.MigrateAsync(cancellationToken);
    }
}
