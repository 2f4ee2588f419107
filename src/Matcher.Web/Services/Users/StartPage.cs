using Matcher.Core.Users;
using Matcher.Data.Entities;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Users;

/// <summary>
/// The page each person starts on, chosen by what their roles let them do: candidates check their fit,
/// advisors pick up their sessions, coordinators rank applicants, administrators manage people.
/// </summary>
public static class StartPage
{
    public const string CheckFit = "/";
    public const string Sessions = "/sessions";
    public const string Ranking = "/ranking";
    public const string People = "/admin/users";

    /// <summary>The start page's address, or null when the account has no role yet.</summary>
    public static string? For(ICurrentUser user) =>
        user.IsInRole(Roles.Candidate) ? CheckFit
        : user.IsInRole(Roles.Advisor) ? Sessions
        : user.IsInRole(Roles.Coordinator) ? Ranking
        : user.IsInRole(Roles.Admin) ? People
        : null;

    /// <summary>The start page's name as the navigation shows it.</summary>
    public static string Name(string start) => start switch
    {
        CheckFit => "Check my fit",
        Sessions => "Sessions",
        Ranking => "Ranking",
        People => "People and roles",
        _ => "the start page",
    };
}
