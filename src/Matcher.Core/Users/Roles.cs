namespace Matcher.Core.Users;

/// <summary>The four roles. A person may hold several; roles grant features, never other people's data.</summary>
public static class Roles
{
    public const string Candidate = "candidate";
    public const string Advisor = "advisor";
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Candidate, Advisor, Coordinator, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
