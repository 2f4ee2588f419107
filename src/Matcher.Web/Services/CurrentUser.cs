using System.Security.Claims;
using Matcher.Data.Entities;

namespace Matcher.Web.Services;

/// <summary>Who is asking. Every query and every saved row is scoped by this id.</summary>
public interface ICurrentUser
{
    string Id { get; }

    /// <summary>The name shown to others next to this person's notes, overrides and shares.</summary>
    string DisplayName => Id;

    bool IsInRole(string role) => false;
}

/// <summary>
/// The signed-in person of this request or circuit. Set from the authentication cookie by middleware for
/// plain HTTP requests and by <see cref="CurrentUserCircuitHandler"/> inside a Blazor circuit, so services
/// can read it synchronously wherever they run.
/// </summary>
public sealed class SignedInUser : ICurrentUser
{
    public const string DisplayNameClaim = "matcher:display_name";

    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal => _principal;

    public bool IsSignedIn => _principal.Identity?.IsAuthenticated == true;

    /// <summary>Throws when nobody is signed in: a scoped query must never run for "nobody".</summary>
    public string Id => _principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new UnauthorizedAccessException("Sign in to continue.");

    public string DisplayName => _principal.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name
        ? name
        : _principal.Identity?.Name ?? "";

    public bool IsInRole(string role) => _principal.IsInRole(role);

    public void Set(ClaimsPrincipal principal) => _principal = principal;
}

/// <summary>A one-person install without accounts and the default for service tests: every role, one owner.</summary>
public sealed class LocalUser : ICurrentUser
{
    public const string LocalId = "local";
    public string Id => LocalId;
    public string DisplayName => "You";
    public bool IsInRole(string role) => Roles.IsKnown(role);
}
