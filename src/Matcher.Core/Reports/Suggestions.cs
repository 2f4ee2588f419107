using Matcher.Core.Postings;

namespace Matcher.Core.Reports;

/// <summary>One thing the candidate could do about a gap.</summary>
public sealed record Suggestion(string RequirementId, string Requirement, RequirementKind Kind, MatchStatus Status, string Advice);

/// <summary>
/// "What to improve", written from the gaps alone. It never claims experience the CV does not show:
/// it says what the posting asks and how to make real experience visible, or that the gap is real.
/// </summary>
public static class Suggestions
{
    public static IReadOnlyList<Suggestion> For(MatchReport report) => report.Requirements
        .Where(r => r.Status != MatchStatus.Met)
        .OrderBy(r => r.Kind)
        .ThenBy(r => r.Status == MatchStatus.Missing ? 0 : 1)
        .ThenByDescending(r => r.Weight)
        .Select(r => new Suggestion(r.Id, r.Text, r.Kind, r.Status, Advice(r)))
        .ToList();

    private static string Advice(RequirementResult r)
    {
        var must = r.Kind == RequirementKind.Required ? "This is a required qualification. " : "";
        if (r.Status == MatchStatus.Partial)
        {
            var closest = r.Evidence.Count > 0 ? $" The closest line is “{r.Evidence[0].Text}”." : "";
            return r.Category switch
            {
                RequirementCategory.Experience => $"{must}Your CV touches on this but does not show enough of it.{closest} If your roles involved more, state how long and with what result.",
                RequirementCategory.Education => $"{must}Your education partly meets this. If you hold the degree or equivalent training, list it with its level and field.",
                RequirementCategory.Language => $"{must}Name the language and your level (e.g. \"fluent\", \"C1\") in a Languages section.",
                _ => $"{must}Your CV shows related experience.{closest} If you have used this directly, name it in a bullet that says what you did with it.",
            };
        }
        return r.Category switch
        {
            RequirementCategory.Education => $"{must}Your CV shows no matching degree. If you have one, add it to Education; otherwise this is a real gap to weigh before applying.",
            RequirementCategory.Language => $"{must}Your CV does not mention this language. Add it with your level if you speak it.",
            RequirementCategory.Experience => $"{must}No line of your CV clearly shows this. If you have this experience, add a role or bullet that shows it with dates; if not, it is a gap to address or explain.",
            _ => $"{must}No line of your CV clearly shows this. If you have done it, add a bullet naming it and what you achieved; if not, it is a gap to close (a course, a project) or to explain.",
        };
    }
}
