using Bunit;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Web.Components.Shared;

namespace Matcher.Web.Tests.Components;

public class ReportComparisonViewTests : MudTestContext
{
    private static RequirementResult Row(string id, string text, MatchStatus status, double score, params Evidence[] evidence) => new()
    {
        Id = id, Text = text, Kind = RequirementKind.Required, Category = RequirementCategory.Skill,
        Status = status, Score = score, Evidence = evidence, Reason = "",
    };

    private static MatchReport Report(double score, params RequirementResult[] rows) => new()
    {
        Score = score, Verdict = "", PositionIndex = 0, PositionTitle = "Data Analyst",
        Summary = new MatchSummary(0, 0, 0, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)),
        Requirements = rows,
        Receipt = new MatchReceipt
        {
            EngineVersion = "test", EmbeddingModel = "test", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
            CvSha256 = "a", PostingSha256 = "b", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    private static ReportComparison Comparison() => ReportComparison.Compare(
        Report(41.6, Row("r1", "SQL", MatchStatus.Met, 0.9), Row("r2", "Tableau", MatchStatus.Missing, 0.1), Row("r3", "Python", MatchStatus.Met, 0.8)),
        Report(58.2,
            Row("r1", "SQL", MatchStatus.Met, 0.9),
            Row("r2", "Tableau", MatchStatus.Met, 0.85, new Evidence("Built Tableau dashboards for sales", "Experience", 0.8)),
            Row("r3", "Python", MatchStatus.Partial, 0.5)));

    [Fact]
    public void Shows_both_scores_and_the_change_in_words()
    {
        var cut = Render<ReportComparisonView>(p => p.Add(x => x.Comparison, Comparison()).Add(x => x.BeforeLabel, "cv-v1.pdf").Add(x => x.AfterLabel, "cv-v2.pdf"));

        Assert.Equal("42", cut.Find("[data-testid=score-before]").TextContent);
        Assert.Equal("58", cut.Find("[data-testid=score-after]").TextContent);
        Assert.Equal("Up 16 points", cut.Find("[data-testid=score-delta]").TextContent.Trim());
        Assert.Contains("cv-v1.pdf", cut.Find("[data-testid=comparison-scores]").TextContent);
    }

    [Fact]
    public void Groups_requirements_with_status_before_and_after_and_the_newer_evidence()
    {
        var cut = Render<ReportComparisonView>(p => p.Add(x => x.Comparison, Comparison()));

        var improved = cut.Find("[data-testid=group-improved]");
        Assert.Equal("Tableau", improved.QuerySelector("[data-testid=change-text]")!.TextContent);
        Assert.Equal("missing", improved.QuerySelector("[data-testid=before] [data-status]")!.GetAttribute("data-status"));
        Assert.Equal("met", improved.QuerySelector("[data-testid=after] [data-status]")!.GetAttribute("data-status"));
        Assert.Contains("Built Tableau dashboards for sales", improved.QuerySelector("blockquote")!.TextContent);

        Assert.Equal("Python", cut.Find("[data-testid=group-got-worse] [data-testid=change-text]").TextContent);
        Assert.Equal("SQL", cut.Find("[data-testid=group-unchanged-met] [data-testid=change-text]").TextContent);
        Assert.Contains("Nothing is still missing.", cut.Find("[data-testid=group-still-missing]").TextContent);
    }
}
