using Matcher.Data;
using Matcher.Data.Entities;

namespace Matcher.Web.Services;

/// <summary>
/// Which sessions the caller may open: their own, and as an advisor those a candidate shares with them
/// and has not revoked. Every read of a session, its reports, CVs and downloads goes through here, so a
/// revoked share closes every door at once.
/// </summary>
public sealed class SessionAccess(ICurrentUser user)
{
    public IQueryable<Guid> VisibleSessionIds(MatcherDbContext db)
    {
        var me = user.Id;
        var owned = db.Sessions.Where(s => s.OwnerId == me).Select(s => s.Id);
        if (!user.IsInRole(Roles.Advisor))
            return owned;
        var shared = db.SessionShares.Where(s => s.AdvisorId == me && s.RevokedAt == null).Select(s => s.SessionId);
        return owned.Concat(shared);
    }

    /// <summary>Advisors may annotate and override on sessions they can see.</summary>
    public bool MayAdvise => user.IsInRole(Roles.Advisor);
}
