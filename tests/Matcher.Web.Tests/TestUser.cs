using Matcher.Web.Services.Access;
using UserRoles = Matcher.Core.Users.Roles;

namespace Matcher.Web.Tests;

/// <summary>
/// Whoever a test says is signed in. Mutable, so a test that registered one instance can switch people
/// mid-test (an owner, then a teammate) without rebuilding the services that captured it.
/// </summary>
public sealed class TestUser : ICurrentUser
{
    /// <summary>The one person of a single-user install, holding every role.</summary>
    public const string LocalId = "local";

    private string? _displayName;

    public TestUser(string id, string? team = null, params string[] roles)
    {
        Id = id;
        Team = team;
        Roles.UnionWith(roles);
    }

    public string Id { get; set; }

    /// <summary>Falls back to the id, as <see cref="ICurrentUser.DisplayName"/> does, until a test names the person.</summary>
    public string DisplayName { get => _displayName ?? Id; set => _displayName = value; }

    public string? Team { get; set; }

    public HashSet<string> Roles { get; } = new(StringComparer.Ordinal);

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The default person of service and component tests: every role, as on a fresh single-user install.</summary>
    public static TestUser Local() => new(LocalId, null, [.. UserRoles.All]) { DisplayName = "You" };

    public static TestUser Candidate(string id, string? team = null) => new(id, team, UserRoles.Candidate);

    public static TestUser Advisor(string id, string? team = null) => new(id, team, UserRoles.Advisor);

    public static TestUser Coordinator(string id, string? team = null) => new(id, team, UserRoles.Coordinator);

    public static TestUser Admin(string id, string? team = null) => new(id, team, UserRoles.Admin);

    /// <summary>Someone signed in with no role at all, as an account before an admin grants one.</summary>
    public static TestUser WithoutRoles(string id) => new(id);

    /// <summary>From now on this instance answers as <paramref name="other"/> does.</summary>
    public void SignInAs(TestUser other)
    {
        Id = other.Id;
        _displayName = other._displayName;
        Team = other.Team;
        Roles.Clear();
        Roles.UnionWith(other.Roles);
    }
}
