using Matcher.Data;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services.Access;

/// <summary>
/// The roles an account holds now, read from the store. A sign-in (and an open page) carries the roles it
/// started with until it is next checked; whatever opens other people's data asks the store as well, so a
/// role an administrator removes stops working at the person's next action.
/// </summary>
public static class StoredRoles
{
    /// <summary>For use inside a query, so the check and the data it guards are read together.</summary>
    public static IQueryable<string> Holders(MatcherDbContext db, string role) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select ur.UserId;

    /// <summary>Whether the signed-in person holds the role both in their sign-in and in the store.</summary>
    public static async Task<bool> HoldsAsync(MatcherDbContext db, ICurrentUser user, string role, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(role))
            return false;
        if (!user.RolesInStore)
            return true;
        var me = user.Id;
        return await Holders(db, role).AnyAsync(id => id == me, cancellationToken);
    }
}
