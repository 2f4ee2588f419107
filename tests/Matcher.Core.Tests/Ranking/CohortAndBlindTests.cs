using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;

namespace Matcher.Core.Tests.Ranking;

public sealed class CohortAndBlindTests
{
    private static RequirementResult Requirement(string id, MatchStatus status, string evidence = "Built pipelines in Python") => new()
    {
        Id = id, Text = $"Requirement {id}", Kind = RequirementKind.Required, Category = RequirementCategory.Skill,
        Status = status, Score = status == MatchStatus.Met ? 1 : 0, Evidence = [new Evidence(evidence, "Experience", 0.9)], Reason = $"Found in {evidence}",
    };

    private static MatchReport Report(params RequirementResult[] requirements) => new()
    {
        Score = 50, Verdict = "Partial fit", PositionIndex = 0, PositionTitle = "Intern",
        Summary = new MatchSummary(0, 0, 0, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)),
        Requirements = requirements,
        Receipt = new MatchReceipt
        {
            EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
            CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    [Fact]
    public void Lists_the_requirement_most_applicants_miss_first()
    {
        var reports = new[]
        {
            Report(Requirement("a", MatchStatus.Missing), Requirement("b", MatchStatus.Met)),
            Report(Requirement("a", MatchStatus.Missing), Requirement("b", MatchStatus.Missing)),
            Report(Requirement("a", MatchStatus.Partial), Requirement("b", MatchStatus.Met)),
        };

        var gaps = CohortGaps.MostCommon(reports);

        Assert.Equal(["Requirement a", "Requirement b"], gaps.Select(g => g.Text));
        Assert.Equal((2, 1, 3), (gaps[0].Missing, gaps[0].Partial, gaps[0].Applicants));
    }

    [Fact]
    public void Blind_review_hides_name_email_and_links_quoted_from_the_cv()
    {
        var report = Report(Requirement("a", MatchStatus.Met, "Priya Raman — priya@example.com — https://github.com/priya; led the Raman lab team"));
        var contact = new ContactDetails { Name = "Priya Raman", Email = "priya@example.com", Links = ["https://github.com/priya"] };

        var redacted = BlindReview.Redact(report, contact, "priya-raman-cv.md");

        var text = redacted.Requirements[0].Evidence[0].Text + redacted.Requirements[0].Reason;
        Assert.DoesNotContain("Priya", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Raman", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("github", text, StringComparison.Ordinal);
        Assert.Contains("lab team", text, StringComparison.Ordinal);
    }
}
