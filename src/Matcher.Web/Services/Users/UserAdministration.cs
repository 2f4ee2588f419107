using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Matcher.Web.Services.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Users;

public sealed record UserRow(string Id, string DisplayName, string Email, string? Team, IReadOnlyList<string> Roles, bool LockedOut, DateTimeOffset CreatedAt);

/// <summary>The admin's list of people: create accounts, change roles and teams, lift a lockout. No CVs here.</summary>
public sealed class UserAdministration(
    IDbContextFactory<MatcherDbContext> dbFactory, UserManager<MatcherUser> users, UserDirectory directory,
    ICurrentUser admin, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return people.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.Team,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => r).ToList(),
                u.LockoutEnd > now, u.CreatedAt))
            .ToList();
    }

    public async Task<AccountResult> CreateAsync(string email, string displayName, string password, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(cancellationToken);
        var result = await directory.CreateAsync(email, displayName, password, roles, cancellationToken);
        if (result.Succeeded)
            await audit.RecordAsync(admin, AuditActions.UserCreated, $"user:{result.User!.Id}", string.Join(",", roles), cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<string>> UpdateAsync(string userId, IReadOnlyCollection<string> roles, string? team, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return ["That account no longer exists."];
        if (user.Id == admin.Id && !roles.Contains(Roles.Admin))
            return ["You cannot remove your own administrator role; ask another administrator."];
        user.Team = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
        await users.UpdateAsync(user);
        var errors = await directory.SetRolesAsync(user, roles);
        await audit.RecordAsync(admin, AuditActions.RolesChanged, $"user:{userId}", $"{string.Join(",", roles)}; team {user.Team ?? "none"}", cancellationToken);
        return errors;
    }

    public async Task UnlockAsync(string userId, CancellationToken cancellationToken = default)
    {
        await RequireAdminAsync(cancellationToken);
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
    }

    // Checked in the store on every action, so an administrator whose role was taken away stops at once, open page or not.
    private async Task RequireAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await StoredRoles.HoldsAsync(db, admin, Roles.Admin, cancellationToken))
            throw new UnauthorizedAccessException("Only administrators manage accounts.");
    }
}
