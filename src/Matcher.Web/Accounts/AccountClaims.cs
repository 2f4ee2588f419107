using System.Security.Claims;
using Matcher.Data.Entities;
using Matcher.Web.Services.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Accounts;

/// <summary>Puts the display name and team in the cookie next to the roles, so pages need no lookup to show them.</summary>
public sealed class MatcherClaimsFactory(UserManager<MatcherUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MatcherUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MatcherUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SignedInUser.DisplayNameClaim, user.DisplayName));
        if (!string.IsNullOrWhiteSpace(user.Team))
            identity.AddClaim(new Claim(SignedInUser.TeamClaim, user.Team));
        return identity;
    }
}
