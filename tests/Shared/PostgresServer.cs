using Matcher.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matcher.Testing;

/// <summary>
/// The test run's PostgreSQL cluster, one per test assembly. Where the server binaries are missing the tests that
/// need it are skipped, saying so.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly PostgresCluster _cluster = new();
    private readonly SemaphoreSlim _template = new(1, 1);
    private string? _templateName;

    /// <summary>A new, empty database on the cluster; skips the calling test when there is no PostgreSQL to start.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        if (await _cluster.TryStartAsync(cancellationToken) is { } failure)
            Assert.Skip("PostgreSQL tests skipped. " + failure);
        return await _cluster.CreateDatabaseAsync(cancellationToken);
    }

    /// <summary>
    /// A new database with every migration applied, as the app leaves it after its first start: a copy of one
    /// database migrated once per run, which costs a file copy on the server instead of running each migration again.
    /// </summary>
    public async Task<string> CreateMigratedDatabaseAsync(CancellationToken cancellationToken)
    {
        if (await _cluster.TryStartAsync(cancellationToken) is { } failure)
            Assert.Skip("PostgreSQL tests skipped. " + failure);
        await _template.WaitAsync(cancellationToken);
        try
        {
            if (_templateName is null)
            {
                var connection = await _cluster.CreateDatabaseAsync(cancellationToken);
                var options = StoreServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<MatcherDbContext>(),
                    new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = connection }).Options;
                await using (var db = new MatcherDbContext(options))
                    await db.Database.MigrateAsync(cancellationToken);
                _templateName = new NpgsqlConnectionStringBuilder(connection).Database;
            }
        }
        finally
        {
            _template.Release();
        }
        return await _cluster.CreateDatabaseAsync(cancellationToken, _templateName);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
