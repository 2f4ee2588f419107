using System.Security.Claims;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Accounts;

/// <summary>
/// A Blazor circuit keeps the user it started with. Every minute this checks the account still exists and
/// its security stamp is unchanged, so a deleted account, a new password or new roles end open circuits
/// too; actions on other people's data check the roles in the store as well, without waiting for this.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MatcherUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null)
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
