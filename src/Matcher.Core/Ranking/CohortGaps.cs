using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Ranking;

/// <summary>How many applicants lack one requirement of a position.</summary>
public sealed record CohortGap(string Text, RequirementKind Kind, int Missing, int Partial, int Applicants);

/// <summary>The requirements most applicants miss: tells a coordinator what the cohort lacks, not one person.</summary>
public static class CohortGaps
{
    public static IReadOnlyList<CohortGap> MostCommon(IEnumerable<MatchReport> reports, int top = 10)
    {
        var list = reports.ToList();
        return list
            .SelectMany(r => r.Requirements)
            .GroupBy(r => (r.Id, r.Text, r.Kind))
            .Select(g => new CohortGap(g.Key.Text, g.Key.Kind,
                g.Count(r => r.Status == MatchStatus.Missing), g.Count(r => r.Status == MatchStatus.Partial), list.Count))
            .Where(g => g.Missing + g.Partial > 0)
            .OrderByDescending(g => g.Missing)
            .ThenByDescending(g => g.Partial)
            .ThenBy(g => g.Kind)
            .Take(top)
            .ToList();
    }
}
