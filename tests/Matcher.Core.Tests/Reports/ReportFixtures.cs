using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Tests.Reports;

internal static class ReportFixtures
{
    public static RequirementResult Row(string id, string text, RequirementKind kind, RequirementCategory category, MatchStatus status, double score, params Evidence[] evidence) => new()
    {
        Id = id, Text = text, Kind = kind, Category = category, Status = status, Score = score, Evidence = evidence, Reason = $"reason {id}",
    };

    public static MatchReport Report(params RequirementResult[] rows) => new()
    {
        Score = 55.7,
        Verdict = "Partial fit",
        PositionIndex = 0,
        PositionTitle = "Data Analyst",
        Summary = new MatchSummary(1, 1, 1, new KindCounts(1, 0, 1), new KindCounts(0, 1, 0)),
        Requirements = rows,
        Receipt = new MatchReceipt
        {
            EngineVersion = "matcher-engine/test", EmbeddingModel = "local/all-MiniLM-L6-v2",
            Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
            CvSha256 = "c0ffee", PostingSha256 = "beef", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    public static MatchReport Sample() => Report(
        Row("r1", "SQL for analysis", RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Met, 0.9, new Evidence("Wrote SQL reports for finance", "Experience", 0.7)),
        Row("r2", "Bachelor's degree in a quantitative field", RequirementKind.Required, RequirementCategory.Education, MatchStatus.Missing, 0.1),
        Row("r3", "Tableau or similar", RequirementKind.Preferred, RequirementCategory.Skill, MatchStatus.Partial, 0.5, new Evidence("Built Excel dashboards", "Skills", 0.5)));
}
