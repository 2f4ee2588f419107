using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;

namespace Matcher.Web.Services;

/// <summary>
/// Coordinators in one team see what the others chose to share with it. Outside a team, or without the
/// coordinator role, the list of teammates is empty and only one's own rows are visible.
/// </summary>
public static class TeamScope
{
    public static IQueryable<string> TeammateIds(MatcherDbContext db, ICurrentUser user)
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

    public static IQueryable<PostingEntity> VisiblePostings(MatcherDbContext db, ICurrentUser user)
    {
        var me = user.Id;
        var teammates = TeammateIds(db, user);
        return db.Postings.Where(p => p.OwnerId == me || (p.SharedWithTeam && teammates.Contains(p.OwnerId)));
    }

    public static IQueryable<RankingJobEntity> VisibleRankings(MatcherDbContext db, ICurrentUser user)
    {
        var me = user.Id;
        var teammates = TeammateIds(db, user);
        return db.RankingJobs.Where(j => j.OwnerId == me || (j.SharedWithTeam && teammates.Contains(j.OwnerId)));
    }
}
