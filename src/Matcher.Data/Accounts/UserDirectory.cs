using Matcher.Core.Users;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Data.Accounts;

/// <summary>The outcome of creating an account: the user, or every reason it was refused.</summary>
public sealed record AccountResult(MatcherUser? User, IReadOnlyList<string> Errors)
{
    public bool Succeeded => User is not null;

    public static AccountResult Fail(params string[] errors) => new(null, errors);
}

/// <summary>
/// Creates accounts and assigns roles. The setup page, registration, the admin's user list and
/// <c>matcher users add</c> all go through here, so every account gets the same checks.
/// </summary>
public sealed class UserDirectory(UserManager<MatcherUser> users, RoleManager<IdentityRole> roles, MatcherDbContext db, TimeProvider clock)
{
    /// <summary>Any fixed number, the same in every instance: the key of PostgreSQL's advisory lock taken while the first account is made.</summary>
    private const long FirstAccountLock = 0x4D61_7463_6865_7201;

    public Task<bool> AnyUsersAsync(CancellationToken cancellationToken = default) => users.Users.AnyAsync(cancellationToken);

    /// <summary>
    /// Creates an account only while there is none, else returns null. The check and the creation run in one transaction
    /// that holds a database-wide lock, so set-up forms sent at once to several instances on one database make one
    /// administrator: the later ones wait, then see the first account.
    /// </summary>
    public async Task<AccountResult?> CreateFirstAsync(string email, string displayName, string password, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        // PostgreSQL reads committed rows only, so two transactions could both see no account; an advisory lock,
        // released with the transaction, makes the second wait for the first. SQLite serves one instance, whose
        // set-up callers already queue in the web app.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FirstAccountLock})", cancellationToken);
        if (await AnyUsersAsync(cancellationToken))
            return null;
        var result = await CreateAsync(email, displayName, password, roleNames, cancellationToken);
        if (result.Succeeded)
            await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<AccountResult> CreateAsync(string email, string displayName, string password, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        displayName = displayName.Trim();
        var wanted = roleNames.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (wanted.Count == 0)
            return AccountResult.Fail("Choose at least one role.");
        if (wanted.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
            return AccountResult.Fail($"'{unknown}' is not a role. Use {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(displayName))
            displayName = email.Split('@')[0];

        await EnsureRolesAsync();
        var user = new MatcherUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return new AccountResult(null, created.Errors.Select(e => e.Description).ToList());
        var assigned = await users.AddToRolesAsync(user, wanted);
        if (!assigned.Succeeded)
        {
            // An account without its roles would sign in to an empty app; take it back instead.
            await users.DeleteAsync(user);
            return new AccountResult(null, assigned.Errors.Select(e => e.Description).ToList());
        }
        return new AccountResult(user, []);
    }

    /// <summary>Replaces a user's roles. The security stamp changes so open sessions pick the new roles up.</summary>
    public async Task<IReadOnlyList<string>> SetRolesAsync(MatcherUser user, IEnumerable<string> roleNames)
    {
        var wanted = roleNames.Select(r => r.ToLowerInvariant()).Where(Roles.IsKnown).ToHashSet();
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r)));
        var added = await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r)));
        await users.UpdateSecurityStampAsync(user);
        return removed.Errors.Concat(added.Errors).Select(e => e.Description).ToList();
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}

public static class AccountStoreServiceCollectionExtensions
{
    /// <summary>
    /// Identity's user and role stores on the Matcher database, with the account rules every entry point
    /// shares: e-mail as the user name, long passwords rather than composition rules, lockout after
    /// repeated failures.
    /// </summary>
    public static IdentityBuilder AddMatcherAccountStore(this IServiceCollection services)
    {
        services.AddScoped<UserDirectory>();
        return services.AddIdentityCore<MatcherUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<NeutralIdentityErrors>()
            .AddEntityFrameworkStores<MatcherDbContext>();
    }
}
