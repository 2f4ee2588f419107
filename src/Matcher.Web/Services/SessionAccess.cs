using Matcher.Core.Users;
using Matcher.Data;

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
}
