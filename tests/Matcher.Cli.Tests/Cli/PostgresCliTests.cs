using System.Diagnostics;
using Matcher.Data;
using StoreOptions = Matcher.Data.StoreOptions;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Cli.Tests.Cli;

/// <summary>
/// The <c>matcher</c> command pointed at PostgreSQL by the same environment variables as the web app: accounts and the
/// embedding cache land in that database, and no SQLite file appears beside it. Runs the built command as its own
/// process so its environment is its own.
/// </summary>
public sealed class PostgresCliTests(PostgresServer server) : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-cli-pg-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Exit, string Out, string Err)> RunAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "matcher.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["Matcher__Store__Provider"] = "PostgreSQL";
        start.Environment["Matcher__Store__ConnectionString"] = connectionString;
        start.Environment["Matcher__DataFolder"] = _folder;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start matcher.");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Users_add_and_rank_keep_their_accounts_and_embeddings_in_postgresql()
    {
        var connection = await server.CreateDatabaseAsync(Ct);
        var password = Path.Combine(_folder, "password.txt");
        await File.WriteAllTextAsync(password, "long enough password\n", Ct);

        var added = await RunAsync(connection, "users", "add", "--email", "ada@example.org", "--role", "admin", "advisor",
            "--name", "Ada Admin", "--password-file", password);
        Assert.True(added.Exit == 0, added.Err);
        Assert.Contains("Created ada@example.org", added.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("long enough password", added.Out + added.Err, StringComparison.Ordinal);

        var cvs = Path.Combine(_folder, "cvs");
        Directory.CreateDirectory(cvs);
        foreach (var cv in new[] { "aisha-bello.md", "pedro-alvarez.md" })
            File.Copy(Path.Combine(Fixtures, "eval", "cvs", cv), Path.Combine(cvs, cv));
        var posting = Path.Combine(Fixtures, "e2e", "amazon-prime-video-mle.txt");
        var ranked = await RunAsync(connection, "rank", "--posting", posting, "--cvs", cvs, "--format", "csv");
        Assert.True(ranked.Exit == 0, ranked.Err);
        Assert.Equal(3, ranked.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await using var services = Store(connection);
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MatcherUser>>();
            var user = await users.FindByEmailAsync("ada@example.org");
            Assert.NotNull(user);
            Assert.Equal("Ada Admin", user.DisplayName);
            Assert.True(await users.CheckPasswordAsync(user, "long enough password"));
            Assert.Equal(["admin", "advisor"], (await users.GetRolesAsync(user)).Order());
        }
        var cached = await EmbeddingsAsync(services);
        Assert.True(cached.Count > 10, $"Expected the ranking's embeddings in PostgreSQL, found {cached.Count}.");
        Assert.All(cached, e => Assert.Equal(e.Dimensions, e.Vector.Length));

        // A second ranking of the same CVs reads every vector back from PostgreSQL and adds none.
        var again = await RunAsync(connection, "rank", "--posting", posting, "--cvs", cvs, "--format", "csv");
        Assert.True(again.Exit == 0, again.Err);
        Assert.Equal(ranked.Out, again.Out);
        Assert.Equal(cached.Count, (await EmbeddingsAsync(services)).Count);

        Assert.Empty(Directory.GetFiles(_folder, "*.db", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Postgresql_without_a_connection_string_is_explained_and_creates_nothing()
    {
        var (exit, _, error) = await RunAsync("", "users", "add", "--email", "bo@example.org", "--role", "candidate");

        Assert.Equal(2, exit);
        Assert.Contains("Matcher__Store__ConnectionString is empty", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*.db", SearchOption.AllDirectories));
    }

    private static async Task<List<EmbeddingCacheEntry>> EmbeddingsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(Ct);
        return await db.Embeddings.AsNoTracking().ToListAsync(Ct);
    }

    private static ServiceProvider Store(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddMatcherStore(new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = connection });
        services.AddMatcherAccountStore();
        return services.BuildServiceProvider();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
