using System.Net;
using Matcher.Core.Users;
using Matcher.Data.Entities;
using Matcher.Web.Services.Cvs;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;

namespace Matcher.Web.Tests.Security;

/// <summary>
/// Two people on one server: each tries to open the other's CVs, reports, sessions and downloads by id and
/// gets nothing, through the HTTP endpoints and through the services the pages load their data with.
/// </summary>
public abstract class CrossUserAccessTests
{
    /// <summary>The app under test: on SQLite one for the whole class, on PostgreSQL one per test on a database of its own.</summary>
    protected WebAppFactory App { get; set; } = null!;

    private static string[] Downloads(SeededSession s) =>
    [
        $"/files/cvs/{s.CvId}",
        $"/reports/{s.ReportId}/report.json",
        $"/reports/{s.ReportId}/report.csv",
        $"/reports/{s.ReportId}/report.docx",
    ];

    [Fact]
    public async Task Downloads_are_served_to_their_owner_and_to_nobody_else()
    {
        var alice = await App.AddUserAsync($"alice-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        var bob = await App.AddUserAsync($"bob-{Guid.NewGuid():N}@example.org", Roles.Candidate, Roles.Advisor);
        var alices = App.AddSession(alice.Id);
        var bobs = App.AddSession(bob.Id);

        var asAlice = await App.SignedInAsync(alice.Email!);
        var asBob = await App.SignedInAsync(bob.Email!);
        var ct = TestContext.Current.CancellationToken;

        foreach (var path in Downloads(alices))
        {
            Assert.Equal(HttpStatusCode.OK, (await asAlice.GetAsync(path, ct)).StatusCode);
            using var refused = await asBob.GetAsync(path, ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            // The same words whether it was never there or is someone else's.
            Assert.Contains("does not exist or is not", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }
        foreach (var path in Downloads(bobs))
        {
            Assert.Equal(HttpStatusCode.OK, (await asBob.GetAsync(path, ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await asAlice.GetAsync(path, ct)).StatusCode);
        }
    }

    [Fact]
    public async Task Without_signing_in_every_download_and_page_sends_the_visitor_to_sign_in()
    {
        var alice = await App.AddUserAsync($"alice-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        var seeded = App.AddSession(alice.Id);
        var anonymous = App.Anonymous();

        foreach (var path in Downloads(seeded).Append($"/sessions/{seeded.SessionId}").Append($"/reports/{seeded.ReportId}").Append($"/cvs/{seeded.CvId}")
                     .Append($"/sessions/{seeded.SessionId}/compare").Append($"/compare-postings?report={seeded.ReportId}"))
        {
            var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_page_says_who_may_open_it()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false).Length > 0)
            .ToList();

        Assert.NotEmpty(pages);
        var open = pages.Where(t =>
            t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true).Length == 0
            && t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), inherit: true).Length == 0);
        Assert.Empty(open.Select(t => t.FullName));
    }

    [Fact]
    public async Task The_services_behind_the_pages_return_nothing_of_another_person()
    {
        var alice = await App.AddUserAsync($"alice-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        var bob = await App.AddUserAsync($"bob-{Guid.NewGuid():N}@example.org", Roles.Candidate, Roles.Advisor);
        var alices = App.AddSession(alice.Id);
        var ct = TestContext.Current.CancellationToken;

        await using var scope = AsUser(bob, Roles.Candidate, Roles.Advisor);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionQueries>();
        var cvs = scope.ServiceProvider.GetRequiredService<CvStore>();
        var notes = scope.ServiceProvider.GetRequiredService<SessionNotes>();
        var overrides = scope.ServiceProvider.GetRequiredService<ReportOverrides>();

        Assert.Null(await sessions.GetSessionAsync(alices.SessionId, ct));
        Assert.Null(await sessions.GetReportAsync(alices.ReportId, ct));
        Assert.Null(await sessions.GetCvFileAsync(alices.CvId, ct));
        Assert.Null(await cvs.GetAsync(alices.CvId, ct));
        Assert.DoesNotContain(await sessions.ListAsync(ct), s => s.Id == alices.SessionId);
        Assert.Null(await notes.SaveAsync(alices.SessionId, "sneaky", ct));
        await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => overrides.SaveAsync(alices.ReportId, "r1", Matcher.Core.Reports.MatchStatus.Met, "because", ct));

        await using var owner = AsUser(alice, Roles.Candidate);
        Assert.NotNull(await owner.ServiceProvider.GetRequiredService<SessionQueries>().GetReportAsync(alices.ReportId, ct));
    }

    [Fact]
    public async Task A_shared_session_opens_to_its_advisor_only_until_the_share_is_revoked()
    {
        var alice = await App.AddUserAsync($"alice-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        var advisor = await App.AddUserAsync($"sam-{Guid.NewGuid():N}@example.org", Roles.Advisor);
        var other = await App.AddUserAsync($"olga-{Guid.NewGuid():N}@example.org", Roles.Advisor);
        var seeded = App.AddSession(alice.Id);
        var ct = TestContext.Current.CancellationToken;

        await using var owner = AsUser(alice, Roles.Candidate);
        var share = await owner.ServiceProvider.GetRequiredService<SessionSharing>().ShareWithAdvisorAsync(seeded.SessionId, advisor.Email!, ct);

        var asAdvisor = await App.SignedInAsync(advisor.Email!);
        var asOther = await App.SignedInAsync(other.Email!);
        Assert.Equal(HttpStatusCode.OK, (await asAdvisor.GetAsync($"/reports/{seeded.ReportId}/report.json", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asOther.GetAsync($"/reports/{seeded.ReportId}/report.json", ct)).StatusCode);

        Assert.True(await owner.ServiceProvider.GetRequiredService<SessionSharing>().RevokeAsync(share.Id, ct));

        Assert.Equal(HttpStatusCode.NotFound, (await asAdvisor.GetAsync($"/reports/{seeded.ReportId}/report.json", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asAdvisor.GetAsync($"/files/cvs/{seeded.CvId}", ct)).StatusCode);
    }

    [Fact]
    public async Task Roles_taken_away_stop_working_on_a_page_that_is_already_open()
    {
        var ct = TestContext.Current.CancellationToken;
        var alice = await App.AddUserAsync($"alice-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        var sam = await App.AddUserAsync($"sam-{Guid.NewGuid():N}@example.org", Roles.Advisor, Roles.Admin);
        var seeded = App.AddSession(alice.Id);
        await using (var owner = AsUser(alice, Roles.Candidate))
            await owner.ServiceProvider.GetRequiredService<SessionSharing>().ShareWithAdvisorAsync(seeded.SessionId, sam.Email!, ct);

        // The open page: its sign-in still says advisor and admin, as it did when it opened.
        await using var page = AsUser(sam, Roles.Advisor, Roles.Admin);
        var queries = page.ServiceProvider.GetRequiredService<SessionQueries>();
        var people = page.ServiceProvider.GetRequiredService<UserAdministration>();
        Assert.NotNull(await queries.GetSessionAsync(seeded.SessionId, ct));
        Assert.NotEmpty(await people.ListAsync(ct));

        await using (var store = App.Services.CreateAsyncScope())
        {
            var directory = store.ServiceProvider.GetRequiredService<Matcher.Data.Accounts.UserDirectory>();
            var users = store.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MatcherUser>>();
            await directory.SetRolesAsync((await users.FindByIdAsync(sam.Id))!, [Roles.Candidate]);
        }

        Assert.Null(await queries.GetSessionAsync(seeded.SessionId, ct));
        Assert.Null(await page.ServiceProvider.GetRequiredService<SessionNotes>().SaveAsync(seeded.SessionId, "still here?", ct));
        await Assert.ThrowsAsync<Matcher.Core.Documents.ForbiddenException>(() =>
            page.ServiceProvider.GetRequiredService<ReportOverrides>().SaveAsync(seeded.ReportId, "r1", Matcher.Core.Reports.MatchStatus.Met, "because", ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => people.ListAsync(ct));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            page.ServiceProvider.GetRequiredService<Matcher.Web.Services.Privacy.AuditQueries>().ActionsAsync(ct));
    }

    [Fact]
    public async Task An_invitation_link_works_once_and_not_after_it_expires_or_is_withdrawn()
    {
        var alice = await App.AddUserAsync($"alice-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        var advisor = await App.AddUserAsync($"sam-{Guid.NewGuid():N}@example.org", Roles.Advisor);
        var second = await App.AddUserAsync($"olga-{Guid.NewGuid():N}@example.org", Roles.Advisor);
        var seeded = App.AddSession(alice.Id);
        var ct = TestContext.Current.CancellationToken;

        await using var owner = AsUser(alice, Roles.Candidate);
        var sharing = owner.ServiceProvider.GetRequiredService<SessionSharing>();
        var (token, _) = await sharing.CreateInvitationAsync(seeded.SessionId, ct);
        var (withdrawn, _) = await sharing.CreateInvitationAsync(seeded.SessionId, ct);
        var pending = (await sharing.ListAsync(seeded.SessionId, ct)).Where(s => s.IsPendingInvitation).ToList();
        Assert.Equal(2, pending.Count);
        await sharing.RevokeAsync(pending[1].Id, ct);

        await using var asAdvisor = AsUser(advisor, Roles.Advisor);
        Assert.Equal(seeded.SessionId, await asAdvisor.ServiceProvider.GetRequiredService<SessionSharing>().AcceptInvitationAsync(token, ct));
        Assert.NotNull(await asAdvisor.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, ct));

        await using var asSecond = AsUser(second, Roles.Advisor);
        var secondSharing = asSecond.ServiceProvider.GetRequiredService<SessionSharing>();
        await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => secondSharing.AcceptInvitationAsync(token, ct));
        await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => secondSharing.AcceptInvitationAsync(withdrawn, ct));
        Assert.Null(await asSecond.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, ct));
    }

    [Fact]
    public async Task An_invitation_past_its_lifetime_opens_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var shortLived = App.WithWebHostBuilder(b => b.UseSetting("Matcher:Accounts:InvitationLifetime", "00:00:00"));
        await using var directory = shortLived.Services.CreateAsyncScope();
        var alice = (await directory.ServiceProvider.GetRequiredService<Matcher.Data.Accounts.UserDirectory>()
            .CreateAsync($"alice-{Guid.NewGuid():N}@example.org", "Alice", WebAppFactory.Password, [Roles.Candidate], ct)).User!;
        var advisor = (await directory.ServiceProvider.GetRequiredService<Matcher.Data.Accounts.UserDirectory>()
            .CreateAsync($"sam-{Guid.NewGuid():N}@example.org", "Sam", WebAppFactory.Password, [Roles.Advisor], ct)).User!;
        var seeded = App.AddSession(alice.Id);

        string token;
        await using (var owner = Scope(shortLived.Services, alice, Roles.Candidate))
            (token, _) = await owner.ServiceProvider.GetRequiredService<SessionSharing>().CreateInvitationAsync(seeded.SessionId, ct);

        await using var asAdvisor = Scope(shortLived.Services, advisor, Roles.Advisor);
        var sharing = asAdvisor.ServiceProvider.GetRequiredService<SessionSharing>();
        Assert.Null(await sharing.PreviewInvitationAsync(token, ct));
        var refused = await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => sharing.AcceptInvitationAsync(token, ct));
        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
        Assert.Null(await asAdvisor.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, ct));
    }

    private static AsyncServiceScope Scope(IServiceProvider services, MatcherUser user, params string[] roles) =>
        WebAppFactory.ScopeFor(services, user, null, roles);

    private AsyncServiceScope AsUser(MatcherUser user, params string[] roles) => App.ScopeFor(user, null, roles);
}

public sealed class CrossUserAccessOnSqliteTests : CrossUserAccessTests, IClassFixture<WebAppFactory>
{
    public CrossUserAccessOnSqliteTests(WebAppFactory app) => App = app;
}

public sealed class CrossUserAccessOnPostgreSqlTests(PostgresWebApp app) : CrossUserAccessTests, IClassFixture<PostgresWebApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => App = await app.GetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
