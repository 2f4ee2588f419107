using System.Net;
using System.Text.RegularExpressions;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Tests.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Stores;

/// <summary>First-run set-up on two instances sharing one PostgreSQL database: one administrator, however the forms race.</summary>
public sealed partial class SharedSetupTests(PostgresServer server)
{
    [Fact]
    public async Task Set_up_forms_sent_at_once_to_two_instances_on_one_database_create_one_administrator()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateMigratedDatabaseAsync(ct);
        await using var a = new WebAppFactory { PostgreSqlConnection = database };
        await using var b = new WebAppFactory { PostgreSqlConnection = database };
        // Each sender has their own client (cookies, antiforgery token) on one of the instances.
        var forms = new List<(HttpClient Client, string Token)>();
        foreach (var app in new[] { a, b, a, b, a, b, a, b })
        {
            var client = app.Anonymous();
            forms.Add((client, AntiforgeryField().Match(await client.GetStringAsync("/setup", ct)).Groups[1].Value));
        }

        var answers = await Task.WhenAll(forms.Select((f, i) => f.Client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = f.Token, ["_handler"] = "setup",
            ["Input.DisplayName"] = $"Admin {i}", ["Input.Email"] = $"admin{i}@example.org",
            ["Input.Password"] = WebAppFactory.Password, ["Input.ConfirmPassword"] = WebAppFactory.Password,
        }), ct)));

        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in answers.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("already has an administrator", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        await using var scope = b.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatcherDbContext>();
        var admin = Assert.Single(await db.Users.ToListAsync(ct));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MatcherUser>>();
        Assert.Equal(Roles.All.Order(), (await users.GetRolesAsync(admin)).Order());
        // The role rows were made once, under the same lock.
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync(ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
