using Bunit;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Accounts;
using Matcher.Web.Components.Sessions;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Security;

/// <summary>
/// Sharing a session by e-mail answers the same whether or not an advisor account uses the address, so it cannot be
/// used to find out who has an account; the share opens the session to that advisor whenever their account exists.
/// </summary>
public sealed class ShareByEmailTests(WebAppFactory app) : MudTestContext, IClassFixture<WebAppFactory>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static string Address(string name) => $"{name}-{Guid.NewGuid():N}@example.org";

    private AsyncServiceScope AsUser(MatcherUser user, params string[] roles) => app.ScopeFor(user, null, roles);

    private async Task<IReadOnlyList<string?>> AuditDetailsAsync(string actorId, string action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditLog.Where(a => a.ActorId == actorId && a.Action == action).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync(Ct);
    }

    [Fact]
    public async Task Sharing_with_an_advisors_address_and_with_an_address_no_account_uses_gives_the_same_answer()
    {
        var alice = await app.AddUserAsync(Address("alice"), Roles.Candidate);
        var sam = await app.AddUserAsync(Address("sam"), Roles.Advisor);
        var seeded = app.AddSession(alice.Id);
        var nobody = Address("nobody");
        await using var owner = AsUser(alice, Roles.Candidate);
        var sharing = owner.ServiceProvider.GetRequiredService<SessionSharing>();

        var toAdvisor = await sharing.ShareWithAdvisorAsync(seeded.SessionId, sam.Email!.ToUpperInvariant(), Ct);
        var toNobody = await sharing.ShareWithAdvisorAsync(seeded.SessionId, $"  {nobody} ", Ct);

        Assert.Equal((null, sam.Email, true, false), (toAdvisor.AdvisorName, toAdvisor.AdvisorEmail, toAdvisor.ByEmail, toAdvisor.IsPendingInvitation));
        Assert.Equal((null, nobody, true, false), (toNobody.AdvisorName, toNobody.AdvisorEmail, toNobody.ByEmail, toNobody.IsPendingInvitation));
        static object Shown(SessionShare s) => (s.Id, s.AdvisorName, s.AdvisorEmail, s.ByEmail, s.IsPendingInvitation, s.AcceptedAt);
        var listed = await sharing.ListAsync(seeded.SessionId, Ct);
        Assert.Equal([Shown(toAdvisor), Shown(toNobody)], listed.Select(Shown));
        // The candidate's own log (which their data export holds) records the same for both.
        Assert.Equal([$"e-mail share {toAdvisor.Id}", $"e-mail share {toNobody.Id}"], await AuditDetailsAsync(alice.Id, AuditActions.ShareCreated));

        // Sharing again with the same address keeps the one share.
        Assert.Equal(toNobody.Id, (await sharing.ShareWithAdvisorAsync(seeded.SessionId, nobody, Ct)).Id);
        Assert.Equal(2, (await sharing.ListAsync(seeded.SessionId, Ct)).Count);
    }

    [Fact]
    public async Task A_share_with_an_address_opens_the_session_to_the_advisor_account_made_with_it_later_and_to_no_one_else()
    {
        var alice = await app.AddUserAsync(Address("alice"), Roles.Candidate);
        var seeded = app.AddSession(alice.Id);
        var later = Address("later");
        await using (var owner = AsUser(alice, Roles.Candidate))
            await owner.ServiceProvider.GetRequiredService<SessionSharing>().ShareWithAdvisorAsync(seeded.SessionId, later, Ct);
        var otherAdvisor = await app.AddUserAsync(Address("olga"), Roles.Advisor);

        var advisor = await app.AddUserAsync(later, Roles.Advisor);

        await using (var asAdvisor = AsUser(advisor, Roles.Advisor))
        {
            Assert.NotNull(await asAdvisor.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, Ct));
            Assert.Equal(alice.DisplayName, await asAdvisor.ServiceProvider.GetRequiredService<SessionSharing>().SharedByAsync(seeded.SessionId, Ct));
        }
        await using (var asOther = AsUser(otherAdvisor, Roles.Advisor))
            Assert.Null(await asOther.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, Ct));
        var signedIn = await app.SignedInAsync(later);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await signedIn.GetAsync($"/reports/{seeded.ReportId}/report.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_candidate_account_with_the_address_sees_nothing_and_a_stopped_share_opens_nothing()
    {
        var alice = await app.AddUserAsync(Address("alice"), Roles.Candidate);
        var seeded = app.AddSession(alice.Id);
        var address = Address("carl");
        var carl = await app.AddUserAsync(address, Roles.Candidate);
        await using var owner = AsUser(alice, Roles.Candidate);
        var sharing = owner.ServiceProvider.GetRequiredService<SessionSharing>();
        var share = await sharing.ShareWithAdvisorAsync(seeded.SessionId, address, Ct);

        await using (var asCandidate = AsUser(carl, Roles.Candidate))
            Assert.Null(await asCandidate.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, Ct));

        Assert.True(await sharing.RevokeAsync(share.Id, Ct));
        Assert.Empty(await sharing.ListAsync(seeded.SessionId, Ct));
        Assert.Equal([$"e-mail share {share.Id}"], await AuditDetailsAsync(alice.Id, AuditActions.ShareRevoked));
        var advisor = await app.AddUserAsync(Address("sam"), Roles.Advisor);
        await using (var asAdvisor = AsUser(advisor, Roles.Advisor))
            Assert.Null(await asAdvisor.ServiceProvider.GetRequiredService<SessionQueries>().GetSessionAsync(seeded.SessionId, Ct));
    }

    [Theory]
    [InlineData("not an address", "That is not an e-mail address")]
    [InlineData("", "That is not an e-mail address")]
    public async Task What_is_not_an_e_mail_address_is_refused_and_nothing_is_shared(string typed, string message)
    {
        var alice = await app.AddUserAsync(Address("alice"), Roles.Candidate);
        var seeded = app.AddSession(alice.Id);
        await using var owner = AsUser(alice, Roles.Candidate);
        var sharing = owner.ServiceProvider.GetRequiredService<SessionSharing>();

        var refused = await Assert.ThrowsAsync<Matcher.Core.Documents.InputException>(() => sharing.ShareWithAdvisorAsync(seeded.SessionId, typed, Ct));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await sharing.ListAsync(seeded.SessionId, Ct));
    }

    [Fact]
    public async Task The_share_panel_says_the_same_for_an_advisors_address_and_an_unknown_one()
    {
        var alice = await app.AddUserAsync(Address("alice"), Roles.Candidate);
        var sam = await app.AddUserAsync(Address("sam"), Roles.Advisor);
        var seeded = app.AddSession(alice.Id);
        var nobody = Address("nobody");
        await using var owner = AsUser(alice, Roles.Candidate);
        Services.AddSingleton(owner.ServiceProvider.GetRequiredService<SessionSharing>());
        Services.AddSingleton(owner.ServiceProvider.GetRequiredService<PublicBaseAddress>());
        var cut = Render<SharePanel>(p => p.Add(x => x.SessionId, seeded.SessionId).Add(x => x.IsOwner, true));

        string ShareWith(string address)
        {
            cut.Find("input[data-testid=share-email]").Change(address);
            cut.Find("form").Submit();
            return cut.WaitForElement("[data-testid=share-done]").TextContent.Trim();
        }

        Assert.Equal($"Shared with {sam.Email} — they will see it when they sign in as an advisor.", ShareWith(sam.Email!));
        Assert.Equal($"Shared with {nobody} — they will see it when they sign in as an advisor.", ShareWith(nobody));
        Assert.Empty(cut.FindAll("[role=alert]"));
        var rows = cut.FindAll("[data-testid=share-row]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(sam.Email!, rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain(sam.DisplayName, rows[0].Replace(sam.Email!, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(nobody, rows[1], StringComparison.Ordinal);
    }
}
