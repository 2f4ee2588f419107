using System.Reflection;
using Matcher.Core.Ranking;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Services.Access;
using Matcher.Web.Tests.Privacy;
using Matcher.Web.Tests.Stores;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Security;

/// <summary>
/// The one access rule on a real store: a query started from <see cref="AccessScope"/> sees what the rule allows and
/// nothing else, for every kind of owned row, with no scoping written into the query itself.
/// </summary>
public abstract class AccessScopeTests(StoreKind kind, PostgresServer? server) : IAsyncLifetime
{
    private const string Visible = nameof(AccessScope.Visible), Editable = nameof(AccessScope.Editable), Owned = nameof(AccessScope.Owned);
    private static readonly string[] Ways = [Visible, Editable, Owned];

    private PrivacyHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await PrivacyHost.StartAsync(store: await TestStore.CreateAsync(kind, server, Ct));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_kind_of_owned_row_is_its_owners_alone_through_the_scope_without_a_filter_of_its_own()
    {
        var alices = await SeedEveryOwnedKindAsync("alice");
        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var ownedKinds = db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => typeof(IOwned).IsAssignableFrom(t)).ToHashSet();
        // A new kind of owned row is covered here once a row of it is seeded above.
        Assert.Equal(ownedKinds.OrderBy(t => t.Name), alices.Keys.OrderBy(t => t.Name));

        var alice = new AccessScope(TestUser.Candidate("alice"));
        // Someone holding every role, in a team, to whom nothing was shared.
        var bob = new AccessScope(new TestUser("bob", "north", [.. Roles.All]));
        foreach (var (type, id) in alices)
            foreach (var way in Ways)
            {
                Assert.True(await HasAsync(alice, way, type, db, id), $"{way}<{type.Name}> should hold its owner's row");
                Assert.False(await HasAsync(bob, way, type, db, id), $"{way}<{type.Name}> showed another person's row");
            }

        // A query composed on the scope, as a new page would write it, stays scoped.
        var reportIds = alice.Visible<ReportEntity>(db).Where(r => r.Score > 0).Select(r => r.Id);
        Assert.Equal(alices[typeof(ReportEntity)], Assert.Single(await reportIds.ToListAsync(Ct)));
        Assert.Empty(await bob.Visible<ReportEntity>(db).Where(r => r.Score > 0).Select(r => r.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_session_shared_with_an_advisor_shows_its_cv_report_and_overrides_to_them_until_revoked_but_not_its_notes_or_shares()
    {
        var alices = await SeedEveryOwnedKindAsync("alice");
        var shareId = Guid.NewGuid();
        await using (var seed = await _host.Db.CreateDbContextAsync(Ct))
        {
            seed.SessionShares.Add(new SessionShareEntity
            {
                Id = shareId, OwnerId = "alice", SessionId = alices[typeof(MatchSessionEntity)], AdvisorId = "sam",
                CreatedAt = DateTimeOffset.UtcNow, AcceptedAt = DateTimeOffset.UtcNow,
            });
            await seed.SaveChangesAsync(Ct);
        }
        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var sam = new AccessScope(TestUser.Advisor("sam"));
        var olga = new AccessScope(TestUser.Advisor("olga"));
        var samNoLongerAdvising = new AccessScope(TestUser.Candidate("sam"));

        Type[] opened = [typeof(MatchSessionEntity), typeof(CvEntity), typeof(ReportEntity), typeof(ReportOverrideEntity)];
        foreach (var (type, id) in alices)
        {
            Assert.Equal(opened.Contains(type), await HasAsync(sam, Visible, type, db, id));
            // Shared is not handed over: the candidate alone renames, corrects, shares and deletes.
            Assert.False(await HasAsync(sam, Editable, type, db, id), $"Editable<{type.Name}> let the advisor change the candidate's row");
            Assert.False(await HasAsync(olga, Visible, type, db, id), $"Visible<{type.Name}> showed an advisor a session not shared with them");
            Assert.False(await HasAsync(samNoLongerAdvising, Visible, type, db, id), $"Visible<{type.Name}> still open without the advisor role");
        }

        await db.SessionShares.Where(s => s.Id == shareId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow), Ct);
        foreach (var type in opened)
            Assert.False(await HasAsync(sam, Visible, type, db, alices[type]), $"Visible<{type.Name}> still open after the share was revoked");
    }

    [Fact]
    public async Task Postings_and_rankings_shared_with_the_team_are_read_only_to_its_other_coordinators_and_hidden_from_everyone_else()
    {
        await using (var seed = await _host.Db.CreateDbContextAsync(Ct))
        {
            foreach (var (id, team) in new[] { ("carol", "north"), ("dave", "north"), ("erin", "south"), ("frank", "north") })
                seed.Users.Add(new MatcherUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = id, Team = team });
            await seed.SaveChangesAsync(Ct);
        }
        var carols = await SeedEveryOwnedKindAsync("carol");
        var postingId = carols[typeof(PostingEntity)];
        var jobId = carols[typeof(RankingJobEntity)];
        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var dave = new AccessScope(TestUser.Coordinator("dave", team: "north"));
        var erin = new AccessScope(TestUser.Coordinator("erin", team: "south"));
        var frank = new AccessScope(TestUser.Candidate("frank", team: "north"));

        // Not shared yet: a teammate sees neither.
        Assert.False(await HasAsync(dave, Visible, typeof(PostingEntity), db, postingId));
        Assert.False(await HasAsync(dave, Visible, typeof(RankingJobEntity), db, jobId));

        await db.Postings.Where(p => p.Id == postingId).ExecuteUpdateAsync(s => s.SetProperty(p => p.SharedWithTeam, true), Ct);
        await db.RankingJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.SharedWithTeam, true), Ct);

        foreach (var (type, id) in new[] { (typeof(PostingEntity), postingId), (typeof(RankingJobEntity), jobId) })
        {
            Assert.True(await HasAsync(dave, Visible, type, db, id), $"a teammate should read the shared {type.Name}");
            Assert.False(await HasAsync(dave, Editable, type, db, id), $"a teammate could change the shared {type.Name}");
            Assert.False(await HasAsync(dave, Owned, type, db, id));
            Assert.False(await HasAsync(erin, Visible, type, db, id), $"another team's coordinator saw the {type.Name}");
            Assert.False(await HasAsync(frank, Visible, type, db, id), $"a candidate with the team's name saw the {type.Name}");
        }
        // Team sharing opens postings and rankings, never the owner's sessions, CVs or notes.
        foreach (var type in new[] { typeof(MatchSessionEntity), typeof(CvEntity), typeof(NoteEntity) })
            Assert.False(await HasAsync(dave, Visible, type, db, carols[type]), $"team sharing opened a {type.Name}");
    }

    /// <summary>A row of each owned kind, all of one owner and hanging together as the app stores them.</summary>
    private async Task<Dictionary<Type, Guid>> SeedEveryOwnedKindAsync(string ownerId)
    {
        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var seeded = StoredSessions.Add(db, ownerId);
        var now = DateTimeOffset.UtcNow;
        var note = new NoteEntity { Id = Guid.NewGuid(), OwnerId = ownerId, SessionId = seeded.SessionId, Text = "Ask about the ward rota", CreatedAt = now, UpdatedAt = now };
        var change = new ReportOverrideEntity
        {
            Id = Guid.NewGuid(), OwnerId = ownerId, ReportId = seeded.ReportId, RequirementId = "r1", Status = "Met", Reason = "Showed the licence",
            ChangedBy = ownerId, CreatedAt = now,
        };
        var share = new SessionShareEntity { Id = Guid.NewGuid(), OwnerId = ownerId, SessionId = seeded.SessionId, AdvisorEmail = "NOBODY@EXAMPLE.ORG", CreatedAt = now };
        var job = new RankingJobEntity
        {
            Id = Guid.NewGuid(), OwnerId = ownerId, PostingId = seeded.PostingId, PositionsJson = "[0]", Status = RankingJobStatus.Completed, CreatedAt = now,
        };
        db.AddRange(note, change, share, job);
        await db.SaveChangesAsync(Ct);
        return new()
        {
            [typeof(MatchSessionEntity)] = seeded.SessionId, [typeof(CvEntity)] = seeded.CvId, [typeof(ReportEntity)] = seeded.ReportId,
            [typeof(PostingEntity)] = seeded.PostingId, [typeof(NoteEntity)] = note.Id, [typeof(ReportOverrideEntity)] = change.Id,
            [typeof(SessionShareEntity)] = share.Id, [typeof(RankingJobEntity)] = job.Id,
        };
    }

    private static readonly MethodInfo HasOfKind = typeof(AccessScopeTests).GetMethod(nameof(HasOfKindAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Whether the row is in <paramref name="way"/>'s rows of its kind, asked the way any service asks.</summary>
    private static Task<bool> HasAsync(AccessScope scope, string way, Type kind, MatcherDbContext db, Guid id) =>
        (Task<bool>)HasOfKind.MakeGenericMethod(kind).Invoke(null, [scope, way, db, id])!;

    private static Task<bool> HasOfKindAsync<T>(AccessScope scope, string way, MatcherDbContext db, Guid id) where T : class, IOwned
    {
        var rows = way switch
        {
            Visible => scope.Visible<T>(db),
            Editable => scope.Editable<T>(db),
            _ => scope.Owned<T>(db),
        };
        return rows.AnyAsync(row => EF.Property<Guid>(row, "Id") == id, Ct);
    }
}

public sealed class AccessScopeOnSqliteTests() : AccessScopeTests(StoreKind.Sqlite, null);

public sealed class AccessScopeOnPostgreSqlTests(PostgresServer server) : AccessScopeTests(StoreKind.PostgreSql, server);
