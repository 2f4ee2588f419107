using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Matcher.Web.Services.Access;

/// <summary>Who is asking. Every saved row carries this id as its owner, and every read of owned rows is scoped by it through <see cref="AccessScope"/>.</summary>
public interface ICurrentUser
{
    string Id { get; }

    /// <summary>The name shown to others next to this person's notes, overrides and shares.</summary>
    string DisplayName => Id;

    bool IsInRole(string role) => false;

    /// <summary>
    /// Whether the person is an account whose roles and team the store keeps, so checks on other people's
    /// data read them there too (see <see cref="StoredRoles"/>); false for a person who is not an account.
    /// </summary>
    bool RolesInStore => false;

    /// <summary>The coordinator team this person belongs to, if any.</summary>
    string? Team => null;
}

/// <summary>
/// The signed-in person of this request or circuit: set from the cookie by middleware for plain HTTP
/// requests, read from the circuit's authentication state inside Blazor, so services can ask synchronously
/// wherever they run.
/// </summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication) : ICurrentUser
{
    public const string DisplayNameClaim = "matcher:display_name";
    public const string TeamClaim = "matcher:team";

    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());
    private ClaimsPrincipal? _fromRequest;

    private ClaimsPrincipal CurrentPrincipal => _fromRequest ?? FromCircuit();

    public ClaimsPrincipal Principal => CurrentPrincipal;

    public bool IsSignedIn => CurrentPrincipal.Identity?.IsAuthenticated == true;

    /// <summary>Throws when nobody is signed in: a scoped query must never run for "nobody".</summary>
    public string Id => CurrentPrincipal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new UnauthorizedAccessException("Sign in to continue.");

    public string DisplayName => CurrentPrincipal.FindFirstValue(DisplayNameClaim) is { Length: > 0 } name
        ? name
        : CurrentPrincipal.Identity?.Name ?? "";

    public bool IsInRole(string role) => CurrentPrincipal.IsInRole(role);

    public bool RolesInStore => true;

    public string? Team => CurrentPrincipal.FindFirstValue(TeamClaim);

    public void Set(ClaimsPrincipal principal) => _fromRequest = principal;

    private ClaimsPrincipal FromCircuit()
    {
        try
        {
            // A circuit's state is always a completed task; outside a circuit there is none to read.
            var state = authentication.GetAuthenticationStateAsync();
            return state.IsCompletedSuccessfully ? state.Result.User : Nobody;
        }
        catch (InvalidOperationException)
        {
            return Nobody;
        }
    }
}
