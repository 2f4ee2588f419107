using System.Net;
using Matcher.Core.Users;
using Matcher.Web.Services.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Security;

/// <summary>First start, sign-in, lockout and the sign-in rate limit over real HTTP.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task Until_an_administrator_exists_every_page_leads_to_setup_and_afterwards_setup_is_closed()
    {
        await using var app = new WebAppFactory();
        var client = app.Anonymous();
        var ct = TestContext.Current.CancellationToken;

        var first = await client.GetAsync("/sessions", ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/setup", first.Headers.Location!.OriginalString);
        Assert.Contains("There is no default password", await client.GetStringAsync("/setup", ct), StringComparison.Ordinal);

        await app.AddUserAsync("ada@example.org", Roles.All.ToArray());

        var later = await client.GetAsync("/sessions", ct);
        Assert.StartsWith("/account/login", later.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("already has an administrator", await client.GetStringAsync("/setup", ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_up_forms_sent_at_the_same_moment_create_one_administrator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new WebAppFactory();
        // Each attacker has their own client (cookies, antiforgery token) and sends the form at the same moment.
        var clients = Enumerable.Range(0, 8).Select(_ => app.Anonymous()).ToList();
        var forms = new List<(HttpClient Client, string Token)>();
        foreach (var client in clients)
            forms.Add((client, System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/setup", ct), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value));

        var posts = forms.Select((f, i) => f.Client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = f.Token, ["_handler"] = "setup",
            ["Input.DisplayName"] = $"Admin {i}", ["Input.Email"] = $"admin{i}@example.org",
            ["Input.Password"] = WebAppFactory.Password, ["Input.ConfirmPassword"] = WebAppFactory.Password,
        }), ct)).ToList();
        var answers = await Task.WhenAll(posts);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Matcher.Data.MatcherDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(ct));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Redirect))
            Assert.Contains("already has an administrator", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_lock_the_account_even_for_the_right_one()
    {
        await using var app = new WebAppFactory();
        var user = await app.AddUserAsync("carla@example.org", Roles.Candidate);
        var client = app.Anonymous();

        var wrong = await WebAppFactory.PostSignInAsync(client, user.Email!, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        for (var i = 0; i < 4; i++)
            await WebAppFactory.PostSignInAsync(client, user.Email!, "not the password at all");
        var right = await WebAppFactory.PostSignInAsync(client, user.Email!, WebAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Matcher.Data.MatcherDbContext>();
        var actions = await db.AuditLog.Where(a => a.ActorId == user.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, actions.Count(a => a == AuditActions.SignInFailed));
        Assert.Contains(AuditActions.LockedOut, actions);
        Assert.DoesNotContain(AuditActions.SignIn, actions);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_per_minute_get_429()
    {
        await using var factory = new WebAppFactory();
        await factory.AddUserAsync("erin@example.org", Roles.Candidate);
        await using var app = factory.WithWebHostBuilder(b => b.UseSetting("Matcher:Accounts:SignInAttemptsPerMinute", "3"));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await WebAppFactory.PostSignInAsync(client, "nobody@example.org", "whatever it is")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Signing_in_and_out_is_recorded_in_the_audit_log()
    {
        await using var app = new WebAppFactory();
        var user = await app.AddUserAsync("dev@example.org", Roles.Candidate);
        var client = await app.SignedInAsync(user.Email!);
        var ct = TestContext.Current.CancellationToken;

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()), ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var page = await client.GetStringAsync("/account/login", ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/files/cvs/{Guid.NewGuid()}", ct)).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Matcher.Data.MatcherDbContext>();
        var actions = await db.AuditLog.Where(a => a.ActorId == user.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(ct);
        Assert.Equal([AuditActions.SignIn, AuditActions.SignOut], actions);
    }
}
