using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Web.Components.Cvs;
using Matcher.Web.Components.Shared;

namespace Matcher.Web.Tests.Security;

/// <summary>CV and posting text is shown as text: markup in a file never becomes elements on the page.</summary>
public sealed class UserTextRenderingTests : MudTestContext
{
    private static readonly string[] ActiveElements = ["script", "img", "iframe", "a[href^='javascript']", "b"];

    private static CvDocument HostileCv() =>
        new CvReader().Read(File.ReadAllBytes(Path.Combine("fixtures", "security", "script-in-cv.md")), "script-in-cv.md");

    [Fact]
    public void A_cv_with_script_and_html_shows_them_as_text_in_the_cv_summary()
    {
        var cv = HostileCv();
        Assert.Contains("<script>", cv.Text, StringComparison.Ordinal);

        var cut = Render<CvSummary>(p => p.Add(x => x.Cv, cv));

        foreach (var selector in ActiveElements)
            Assert.Empty(cut.FindAll(selector));
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_and_requirements_with_markup_show_as_text_in_the_report()
    {
        var cv = HostileCv();
        var line = cv.Text.Split('\n').First(l => l.Contains("javascript:", StringComparison.Ordinal)).Trim();
        var report = new MatchReport
        {
            Score = 50, Verdict = "Partial fit", PositionIndex = 0, PositionTitle = "<script>alert('title')</script>",
            Summary = new MatchSummary(1, 0, 0, new KindCounts(1, 0, 0), new KindCounts(0, 0, 0)),
            Requirements =
            [
                new RequirementResult
                {
                    Id = "r1", Text = "Payments <img src=x onerror=alert(1)>", Kind = RequirementKind.Required, Category = RequirementCategory.Skill,
                    Status = MatchStatus.Met, Score = 0.8, Evidence = [new Evidence(line, "Experience", 0.8)], Reason = "<b>matched</b>",
                },
            ],
            Receipt = new MatchReceipt
            {
                EngineVersion = "t", EmbeddingModel = "m", Weights = new Dictionary<string, double> { ["required"] = 1 },
                Thresholds = new Dictionary<string, double>(), CvSha256 = "a", PostingSha256 = "b", CreatedAt = DateTimeOffset.UnixEpoch,
            },
        };

        var cut = Render<ReportView>(p => p.Add(x => x.Report, report));

        foreach (var selector in ActiveElements)
            Assert.Empty(cut.FindAll(selector));
        Assert.Contains("javascript:alert", cut.Find("blockquote.evidence").TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", cut.Find("[data-testid=requirement-text]").TextContent, StringComparison.Ordinal);
    }
}
