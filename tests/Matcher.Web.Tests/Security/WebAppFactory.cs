using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Matcher.Web.Tests.Services;

namespace Matcher.Web.Tests.Security;

/// <summary>
/// The whole web app in memory over its own migrated SQLite file, copied from the run's migrated template (or a
/// PostgreSQL database several factories may share, as instances do), with accounts seeded through the same directory the setup page uses, and clients that
/// sign in through the real sign-in form.
/// </summary>
public sealed partial class WebAppFactory : WebApplicationFactory<Program>
{
    /// <summary>A PostgreSQL database to use instead of the factory's own SQLite file.</summary>
    public string? PostgreSqlConnection { get; init; }

    public const string Password = "correct horse battery staple";
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-web-app-").FullName;

    public string DataFolder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Matcher:DataFolder", _folder);
        if (PostgreSqlConnection is not null)
        {
            builder.UseSetting("Matcher:Store:Provider", "PostgreSQL");
            builder.UseSetting("Matcher:Store:ConnectionString", PostgreSqlConnection);
        }
        else if (!File.Exists(Path.Combine(_folder, "matcher.db")))
        {
            // The app migrates its store as it starts; from a migrated copy there is nothing left for it to apply.
            Stores.MigratedSqlite.CopyTo(Path.Combine(_folder, "matcher.db"));
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton<IEmbeddingGenerator<string, Embedding<float>>, HashingEmbedder>()));
    }

    public async Task<MatcherUser> AddUserAsync(string email, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserDirectory>()
            .CreateAsync(email, email.Split('@')[0], Password, roles, TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.User!;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the sign-in form, antiforgery token and all; the client keeps the cookie.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Anonymous();
        var response = await PostSignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "sign-in",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>A session with one CV and one report, owned by <paramref name="ownerId"/>.</summary>
    public SeededSession AddSession(string ownerId, string cvText = "Registered nurse since 2015.")
    {
        using var scope = Services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>().CreateDbContext();
        return StoredSessions.Add(db, ownerId, cvText);
    }

    /// <summary>A request scope whose signed-in user is <paramref name="user"/>, as a circuit or request would have it.</summary>
    public AsyncServiceScope ScopeFor(MatcherUser user, string? team, params string[] roles) => ScopeFor(Services, user, team, roles);

    public static AsyncServiceScope ScopeFor(IServiceProvider services, MatcherUser user, string? team, params string[] roles)
    {
        var scope = services.CreateAsyncScope();
        var claims = new List<System.Security.Claims.Claim>
        {
            new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id),
            new(System.Security.Claims.ClaimTypes.Name, user.Email!),
            new(Matcher.Web.Services.Access.SignedInUser.DisplayNameClaim, user.DisplayName),
        };
        if (team is not null)
            claims.Add(new(Matcher.Web.Services.Access.SignedInUser.TeamClaim, team));
        claims.AddRange(roles.Select(r => new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, r)));
        scope.ServiceProvider.GetRequiredService<Matcher.Web.Services.Access.SignedInUser>()
            .Set(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(claims, "test")));
        return scope;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
