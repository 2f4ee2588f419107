using Bunit;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Web.Components.Fit;
using Matcher.Web.Services.Sessions;

namespace Matcher.Web.Tests.Components;

public class PostingsComparisonViewTests : MudTestContext
{
    private static RequirementResult Row(string text, RequirementKind kind, MatchStatus status) => new()
    {
        Id = text, Text = text, Kind = kind, Category = RequirementCategory.Skill, Status = status, Score = 0.5, Evidence = [], Reason = "",
    };

    private static SavedReport Saved(string posting, double score, MatchSummary summary, params RequirementResult[] rows) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Session", posting, "Acme", "cv.md", DateTimeOffset.UnixEpoch,
        new MatchReport
        {
            Score = score, Verdict = $"verdict {posting}", PositionIndex = 0, PositionTitle = $"{posting} role",
            Summary = summary, Requirements = rows,
            Receipt = new MatchReceipt
            {
                EngineVersion = "test", EmbeddingModel = "test", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
                CvSha256 = "a", PostingSha256 = "b", CreatedAt = DateTimeOffset.UnixEpoch,
            },
        });

    private static IReadOnlyList<SavedReport> Reports() =>
    [
        Saved("Data Analyst", 38.4, new MatchSummary(1, 1, 3, new KindCounts(1, 0, 2), new KindCounts(0, 1, 1)),
            Row("SQL", RequirementKind.Required, MatchStatus.Met),
            Row("Looker", RequirementKind.Preferred, MatchStatus.Missing),
            Row("Statistics degree", RequirementKind.Required, MatchStatus.Missing),
            Row("dbt", RequirementKind.Preferred, MatchStatus.Partial),
            Row("Stakeholder reporting", RequirementKind.Required, MatchStatus.Missing)),
        Saved("ML Engineer", 81.2, new MatchSummary(2, 0, 0, new KindCounts(2, 0, 0), new KindCounts(0, 0, 0)),
            Row("Python", RequirementKind.Required, MatchStatus.Met),
            Row("PyTorch", RequirementKind.Required, MatchStatus.Met)),
    ];

    [Fact]
    public void Lists_the_best_fit_first_with_score_verdict_and_a_link_to_its_report()
    {
        var reports = Reports();
        var cut = Render<PostingsComparisonView>(p => p.Add(x => x.Reports, reports));

        Assert.Equal(["ML Engineer", "Data Analyst"], cut.FindAll("[data-testid=fit-title]").Select(e => e.TextContent));
        Assert.Equal(["81", "38"], cut.FindAll("[data-testid=fit-score]").Select(e => e.TextContent));
        Assert.Equal("Best fit", cut.FindAll("[data-testid=fit-rank]")[0].TextContent);
        Assert.Equal("verdict ML Engineer", cut.FindAll("[data-testid=fit-verdict]")[0].TextContent);
        Assert.Equal($"/reports/{reports[1].Id}", cut.FindAll("[data-testid=fit-report-link]")[0].GetAttribute("href"));
    }

    [Fact]
    public void Shows_required_and_preferred_counts_and_the_top_three_gaps_required_missing_first()
    {
        var cut = Render<PostingsComparisonView>(p => p.Add(x => x.Reports, Reports()));

        var analyst = cut.FindAll("[data-testid=posting-fit]")[1];
        var required = analyst.QuerySelectorAll("[data-testid=fit-required] td").Select(td => td.TextContent);
        Assert.Equal(["1", "0", "2"], required);
        var preferred = analyst.QuerySelectorAll("[data-testid=fit-preferred] td").Select(td => td.TextContent);
        Assert.Equal(["0", "1", "1"], preferred);
        var gaps = analyst.QuerySelectorAll("[data-testid=fit-gaps] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, gaps.Count);
        Assert.StartsWith("Statistics degree", gaps[0], StringComparison.Ordinal);
        Assert.StartsWith("Stakeholder reporting", gaps[1], StringComparison.Ordinal);
        Assert.StartsWith("Looker", gaps[2], StringComparison.Ordinal);
        Assert.Contains("Every requirement is met.", cut.FindAll("[data-testid=posting-fit]")[0].TextContent);
    }
}
