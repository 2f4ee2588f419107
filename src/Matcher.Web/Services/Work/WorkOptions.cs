namespace Matcher.Web.Services.Work;

/// <summary>Bound from <c>Matcher:Work</c>: how much heavy work one person may have running at once.</summary>
public sealed class WorkOptions
{
    public const string Section = "Matcher:Work";

    /// <summary>Matches (and CV reads) one person may have running at the same time, over all their tabs.</summary>
    public int MatchesPerPerson { get; set; } = 2;
}
