namespace Matcher.Web.Tests.Security;

/// <summary>
/// One web app over one PostgreSQL database for a test class, as <see cref="WebAppFactory"/> is one over SQLite:
/// the tests seed people of their own, so they can share it. Made by the first test that asks, so that a machine
/// without PostgreSQL skips the tests, saying why, rather than failing the class.
/// </summary>
public sealed class PostgresWebApp(PostgresServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private WebAppFactory? _app;

    public async Task<WebAppFactory> GetAsync(CancellationToken cancellationToken)
    {
        await _start.WaitAsync(cancellationToken);
        try
        {
            return _app ??= new WebAppFactory { PostgreSqlConnection = await server.CreateMigratedDatabaseAsync(cancellationToken) };
        }
        finally
        {
            _start.Release();
        }
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
