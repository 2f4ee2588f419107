using Bunit;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Pages.Admin;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Privacy;
using Matcher.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Matcher.Web.Tests.Privacy;

/// <summary>The admin's audit log page: newest first, filtered by action and actor, with an empty state.</summary>
public sealed class AuditLogPageTests : MudTestContext
{
    private readonly SqliteStore _store = new();
    private readonly TestUser _admin = new("admin-1", null, Roles.Admin) { DisplayName = "Ada Admin" };

    public AuditLogPageTests()
    {
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<ICurrentUser>(_admin);
        Services.AddMatcherApplication();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private void Seed()
    {
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        using var db = _store.CreateDbContext();
        db.AuditLog.AddRange(
            new AuditEntryEntity { At = start, ActorId = "u1", ActorName = "Carla Candidate", Action = AuditActions.SignIn },
            new AuditEntryEntity { At = start.AddHours(1), ActorId = "u2", ActorName = "Bob Carver", Action = AuditActions.Export, Subject = "account" },
            new AuditEntryEntity { At = start.AddHours(2), ActorId = "u1", ActorName = "Carla Candidate", Action = AuditActions.Export, Subject = "account" },
            new AuditEntryEntity { At = start.AddHours(3), ActorId = null, ActorName = "retention", Action = AuditActions.RetentionDeletion, Details = "cvs=2" });
        db.SaveChanges();
    }

    private static IReadOnlyList<(string Actor, string Action)> Rows(IRenderedComponent<AuditLogPage> cut) =>
        cut.FindAll("[data-testid=audit-table] tbody tr")
            .Where(tr => tr.QuerySelector("[data-testid=audit-actor]") is not null)
            .Select(tr => (tr.QuerySelector("[data-testid=audit-actor]")!.TextContent.Trim(), tr.QuerySelector("[data-testid=audit-action]")!.TextContent.Trim()))
            .ToList();

    [Fact]
    public void Entries_are_listed_newest_first()
    {
        Seed();

        var cut = Render<AuditLogPage>();

        cut.WaitForAssertion(() => Assert.Equal(
            [("retention", AuditActions.RetentionDeletion), ("Carla Candidate", AuditActions.Export), ("Bob Carver", AuditActions.Export), ("Carla Candidate", AuditActions.SignIn)],
            Rows(cut)));
    }

    [Fact]
    public async Task Filtering_by_action_and_by_actor_narrows_the_list()
    {
        Seed();
        var cut = Render<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(4, Rows(cut).Count));

        var action = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => action.Instance.ValueChanged.InvokeAsync(AuditActions.Export));
        cut.WaitForAssertion(() => Assert.Equal([("Carla Candidate", AuditActions.Export), ("Bob Carver", AuditActions.Export)], Rows(cut)));

        var actor = cut.FindComponent<MudTextField<string>>();
        await cut.InvokeAsync(() => actor.Instance.ValueChanged.InvokeAsync("carla"));
        cut.WaitForAssertion(() => Assert.Equal([("Carla Candidate", AuditActions.Export)], Rows(cut)));
    }

    [Fact]
    public void An_empty_log_says_that_nothing_has_been_recorded()
    {
        var cut = Render<AuditLogPage>();

        cut.WaitForAssertion(() => Assert.Equal("Nothing has been recorded yet.", cut.Find("[data-testid=audit-empty]").TextContent.Trim()));
        Assert.Empty(Rows(cut));
    }

    [Fact]
    public async Task Only_administrators_can_read_the_log()
    {
        Seed();
        _admin.Roles.Clear();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Services.GetRequiredService<AuditQueries>().ListAsync(new AuditFilter(), 0, 25, Xunit.TestContext.Current.CancellationToken));
    }
}
