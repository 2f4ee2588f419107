using System.Linq.Expressions;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;

namespace Matcher.Web.Services.Access;

/// <summary>
/// The one rule for whose rows (<see cref="IOwned"/>) the signed-in person may see and change. Services read
/// owned rows through here, so a query started from <see cref="Visible{T}"/>, <see cref="Editable{T}"/> or
/// <see cref="Owned{T}"/> is scoped without more code, and a new kind of owned row is its owner's alone until
/// a sharing rule for it is written below.
/// <list type="bullet">
/// <item>Everyone sees and changes their own rows.</item>
/// <item>An advisor also sees the sessions candidates share with them and have not revoked, with their CVs and
/// reports, and may add notes and overrides there; the candidate still owns the session.</item>
/// <item>A coordinator also sees the postings and rankings the other coordinators of their team share with it.</item>
/// <item>Notes are private to their author; only a session's owner manages its shares.</item>
/// </list>
/// Roles and teams are read from the store as well as from the sign-in, inside the same query, so a role or team
/// taken away stops working at the person's next action, on a page that is already open too. A shared session
/// closes at once when its share is revoked, since every read of it goes through the same rule.
/// </summary>
public sealed class AccessScope(ICurrentUser user)
{
    /// <summary>Whether the row is the signed-in person's own (what pages show as "yours" and let them change).</summary>
    public bool IsMine(IOwned row) => IsMine(row.OwnerId);

    /// <inheritdoc cref="IsMine(IOwned)"/>
    public bool IsMine(string ownerId) => string.Equals(ownerId, user.Id, StringComparison.Ordinal);

    /// <summary>The signed-in person's own rows.</summary>
    public IQueryable<T> Owned<T>(MatcherDbContext db) where T : class, IOwned => db.Set<T>().OwnedBy(user.Id);

    /// <summary>
    /// The rows the signed-in person may change, rename, share or delete: their own. What others share with them
    /// is read-only to them (an advisor's notes and overrides are rows of the advisor's own).
    /// </summary>
    public IQueryable<T> Editable<T>(MatcherDbContext db) where T : class, IOwned => Owned<T>(db);

    /// <summary>The rows the signed-in person may read: their own and what others share with them (see the rules above).</summary>
    public IQueryable<T> Visible<T>(MatcherDbContext db) where T : class, IOwned
    {
        var type = typeof(T);
        IQueryable rows =
            type == typeof(MatchSessionEntity) ? VisibleSessions(db)
            : type == typeof(CvEntity) ? VisibleCvs(db)
            : type == typeof(ReportEntity) ? VisibleReports(db)
            : type == typeof(ReportOverrideEntity) ? VisibleOverrides(db)
            : type == typeof(PostingEntity) ? VisiblePostings(db)
            : type == typeof(RankingJobEntity) ? VisibleRankings(db)
            // Notes, shares and any owned row without a rule of its own: their owner's alone.
            : Owned<T>(db);
        return (IQueryable<T>)rows;
    }

    /// <summary>
    /// The ids of the sessions the caller may open: their own, and as an advisor those a candidate shares with
    /// them and has not revoked.
    /// </summary>
    public IQueryable<Guid> VisibleSessionIds(MatcherDbContext db)
    {
        var me = user.Id;
        var owned = Owned<MatchSessionEntity>(db).Select(s => s.Id);
        if (!user.IsInRole(Roles.Advisor))
            return owned;
        // A share by e-mail opens to the advisor account that has the address, whenever that account came to be.
        var myAddress = db.Users.Where(u => u.Id == me).Select(u => u.NormalizedEmail);
        var shares = db.SessionShares.Where(s => s.RevokedAt == null
            && (s.AdvisorId == me || s.AdvisorId == null && s.TokenSha256 == null && s.AdvisorEmail != null && myAddress.Contains(s.AdvisorEmail)));
        if (user.RolesInStore)
        {
            var advisors = StoredRoles.Holders(db, Roles.Advisor);
            shares = shares.Where(s => advisors.Contains(me));
        }
        var shared = shares.Select(s => s.SessionId);
        return owned.Concat(shared);
    }

    /// <summary>Advisors may annotate and override on sessions they can see; what the page shows.</summary>
    public bool MayAdvise => user.IsInRole(Roles.Advisor);

    /// <summary>Whether the caller still holds the advisor role in the store, checked before an advisor's change is saved.</summary>
    public Task<bool> MayAdviseNowAsync(MatcherDbContext db, CancellationToken cancellationToken) =>
        StoredRoles.HoldsAsync(db, user, Roles.Advisor, cancellationToken);

    private IQueryable<MatchSessionEntity> VisibleSessions(MatcherDbContext db)
    {
        var visible = VisibleSessionIds(db);
        return db.Sessions.Where(s => visible.Contains(s.Id));
    }

    /// <summary>
    /// The CV visibility rule: a CV is visible to its owner, and with the session it is in, so an advisor a session
    /// is shared with reads its CVs (and downloads their files) until the share is revoked.
    /// </summary>
    private IQueryable<CvEntity> VisibleCvs(MatcherDbContext db)
    {
        var me = user.Id;
        var visible = VisibleSessionIds(db);
        return db.Cvs.Where(c => c.OwnerId == me || (c.SessionId != null && visible.Contains(c.SessionId.Value)));
    }

    /// <summary>A report is visible with the session it was saved in.</summary>
    private IQueryable<ReportEntity> VisibleReports(MatcherDbContext db)
    {
        var visible = VisibleSessionIds(db);
        return db.Reports.Where(r => visible.Contains(r.SessionId));
    }

    /// <summary>Every decision on a visible report, whoever made it: the candidate sees their advisor's changes.</summary>
    private IQueryable<ReportOverrideEntity> VisibleOverrides(MatcherDbContext db)
    {
        var reports = VisibleReports(db).Select(r => r.Id);
        return db.ReportOverrides.Where(o => reports.Contains(o.ReportId));
    }

    private IQueryable<PostingEntity> VisiblePostings(MatcherDbContext db)
    {
        var me = user.Id;
        var teammates = TeammateIds(db);
        return db.Postings.Where(p => p.OwnerId == me || (p.SharedWithTeam && teammates.Contains(p.OwnerId)));
    }

    private IQueryable<RankingJobEntity> VisibleRankings(MatcherDbContext db)
    {
        var me = user.Id;
        var teammates = TeammateIds(db);
        return db.RankingJobs.Where(j => j.OwnerId == me || (j.SharedWithTeam && teammates.Contains(j.OwnerId)));
    }

    /// <summary>
    /// Coordinators in one team see what the others chose to share with it. Outside a team, or without the
    /// coordinator role, the list of teammates is empty and only one's own rows are visible.
    /// </summary>
    private IQueryable<string> TeammateIds(MatcherDbContext db)
    {
        if (user.Team is not { Length: > 0 } team || !user.IsInRole(Roles.Coordinator))
            return db.Users.Where(_ => false).Select(u => u.Id);
        // The store decides too: a coordinator moved out of the team, or no longer a coordinator, sees no teammate's work.
        var me = user.Id;
        var teammates = db.Users.Where(u => u.Team == team && u.Id != me);
        if (user.RolesInStore)
        {
            var coordinators = StoredRoles.Holders(db, Roles.Coordinator);
            teammates = teammates.Where(_ => db.Users.Any(self => self.Id == me && self.Team == team) && coordinators.Contains(me));
        }
        return teammates.Select(u => u.Id);
    }
}

/// <summary>The ownership test the scoped queries are built on, for work that is about one named person rather than the signed-in one.</summary>
public static class OwnedRows
{
    /// <summary>
    /// The rows of one owner. "Download my data" and "delete my data" use it for the person they work for, who
    /// need not be the one signed in (an administrator or the command line erasing an account).
    /// </summary>
    public static IQueryable<T> OwnedBy<T>(this IQueryable<T> rows, string ownerId) where T : class, IOwned
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        // Built on the entity's own property, not through the interface, so both providers translate it as a plain
        // column test; the owner is read from an object, so it becomes a query parameter and one plan serves everyone.
        var row = Expression.Parameter(typeof(T), "row");
        var column = Expression.Property(row, typeof(T).GetProperty(nameof(IOwned.OwnerId))!);
        var owner = Expression.Property(Expression.Constant(new Owner(ownerId)), nameof(Owner.Id));
        return rows.Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(column, owner), row));
    }

    private sealed record Owner(string Id);
}
