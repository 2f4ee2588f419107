using System.Security.Cryptography;
using Matcher.Data;
using Matcher.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Stores;

/// <summary>On PostgreSQL the data-protection keys live in the shared database, so what one instance protects (sign-in cookies, antiforgery tokens) another reads.</summary>
public sealed class SharedKeysTests(PostgresServer server) : IAsyncLifetime
{
    private const string Purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-keys-").FullName;
    private readonly List<WebApplication> _apps = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>An instance composed the way Program.cs composes it, each with a data folder of its own.</summary>
    private async Task<WebApplication> InstanceAsync(string connectionString)
    {
        var contentRoot = Directory.CreateDirectory(Path.Combine(_folder, $"instance-{_apps.Count + 1}")).FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        builder.Configuration["Matcher:Store:Provider"] = "PostgreSQL";
        builder.Configuration["Matcher:Store:ConnectionString"] = connectionString;
        builder.Configuration["Matcher:DataFolder"] = Path.Combine(contentRoot, "data");
        var store = builder.ConfiguredStore();
        builder.Services.AddMatcherStore(store);
        builder.AddMatcherDataProtection(store);
        var app = builder.Build();
        _apps.Add(app);
        await app.Services.MigrateMatcherStoreAsync(Ct);
        return app;
    }

    private static IDataProtector Protector(WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    [Fact]
    public async Task A_cookie_protected_by_one_instance_is_read_by_another_on_the_same_database_and_not_by_one_elsewhere()
    {
        var shared = await server.CreateMigratedDatabaseAsync(Ct);
        var a = await InstanceAsync(shared);
        var b = await InstanceAsync(shared);
        var elsewhere = await InstanceAsync(await server.CreateMigratedDatabaseAsync(Ct));

        var cookie = Protector(a).Protect("signed-in: alice");

        Assert.Equal("signed-in: alice", Protector(b).Unprotect(cookie));
        Assert.Throws<CryptographicException>(() => Protector(elsewhere).Unprotect(cookie));
        await using var db = await a.Services.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync(Ct));
        Assert.Empty(Directory.GetDirectories(_folder, "keys", SearchOption.AllDirectories));
    }
}
