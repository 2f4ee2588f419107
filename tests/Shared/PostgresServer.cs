namespace Matcher.Testing;

/// <summary>
/// The test run's PostgreSQL cluster, one per test assembly. Where the server binaries are missing the tests that
/// need it are skipped, saying so.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly PostgresCluster _cluster = new();

    /// <summary>A new, empty database on the cluster; skips the calling test when there is no PostgreSQL to start.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        if (await _cluster.TryStartAsync(cancellationToken) is { } failure)
            Assert.Skip("PostgreSQL tests skipped. " + failure);
        return await _cluster.CreateDatabaseAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
