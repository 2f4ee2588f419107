using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Web.Services.Ranking;

namespace Matcher.Web.Tests.Ranking;

/// <summary>The ranked table is filtered, sorted and cut into pages on the server.</summary>
public sealed class RankingPagesTests
{
    private static MatchReport Report(double score, int missing) => new()
    {
        Score = score, Verdict = "test", PositionIndex = 0, PositionTitle = "Analyst",
        Summary = new MatchSummary(3 - missing, 0, missing, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)),
        Requirements = Enumerable.Range(0, missing).Select(i => new RequirementResult
        {
            Id = $"r{i}", Text = i == 0 ? "SQL" : $"Skill {i}", Kind = RequirementKind.Required, Category = RequirementCategory.Skill,
            Status = MatchStatus.Missing, Score = 0, Evidence = [], Reason = "",
        }).ToList(),
        Receipt = new MatchReceipt
        {
            EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
            CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    /// <summary>
    /// 300 applicants numbered 1–300 whose score for the one position is their number modulo 100, so ranks are known:
    /// every third has SQL missing, every tenth was shortlisted, and number 300 is still waiting.
    /// </summary>
    private static RankingJobView Job()
    {
        var applicants = Enumerable.Range(1, 300).Select(n => new RankedApplicant(
            Guid.NewGuid(), n, $"cv-{n:D3}.pdf", $"Applicant {n:D3}", new ContactDetails { Name = $"Applicant {n:D3}" },
            n != 300, null, [], n % 7, null, n == 300 ? [] : [Report(n % 100, n % 3 == 0 ? 1 : 0)],
            n % 10 == 0 ? ApplicantDecision.Shortlisted : ApplicantDecision.None, null)).ToList();
        return new RankingJobView(Guid.NewGuid(), new Posting { Positions = [new Position { Title = "Analyst" }] }, "Analyst",
            RankingJobStatus.Running, 300, 299, false, null, DateTimeOffset.UnixEpoch, null, null, 10, [0], applicants);
    }

    /// <summary>The expected order: best score first, ties by number.</summary>
    private static List<int> ByRank() => Enumerable.Range(1, 299).OrderByDescending(n => n % 100).ThenBy(n => n).ToList();

    [Fact]
    public void The_second_page_holds_ranks_fifty_one_to_one_hundred_of_the_processed_applicants()
    {
        var page = RankingPages.Page(Job(), new RankingPageRequest(0, false, Page: 1, PageSize: 50));

        Assert.Equal(299, page.Total);
        Assert.Equal(ByRank().Skip(50).Take(50), page.Rows.Select(r => r.Applicant.Number));
        Assert.Equal(Enumerable.Range(51, 50), page.Rows.Select(r => r.Rank!.Value));
    }

    [Fact]
    public void The_last_page_holds_only_what_is_left()
    {
        var page = RankingPages.Page(Job(), new RankingPageRequest(0, false, Page: 5, PageSize: 50));

        Assert.Equal(ByRank().Skip(250), page.Rows.Select(r => r.Applicant.Number));
        Assert.Equal(49, page.Rows.Count);
    }

    [Fact]
    public void A_filter_counts_only_the_matching_rows_and_keeps_their_overall_rank()
    {
        var page = RankingPages.Page(Job(), new RankingPageRequest(0, false, Decision: ApplicantDecision.Shortlisted, PageSize: 10));

        var expected = ByRank().Where(n => n % 10 == 0).ToList();
        Assert.Equal(expected.Count, page.Total);
        Assert.Equal(expected.Take(10), page.Rows.Select(r => r.Applicant.Number));
        Assert.Equal(expected.Take(10).Select(n => ByRank().IndexOf(n) + 1), page.Rows.Select(r => r.Rank!.Value));

        var gaps = RankingPages.Page(Job(), new RankingPageRequest(0, false, Search: "sql", PageSize: 500));
        Assert.Equal(Enumerable.Range(1, 299).Count(n => n % 3 == 0), gaps.Total);
        Assert.All(gaps.Rows, r => Assert.Equal("SQL", r.Gaps));
    }

    [Fact]
    public void Sorting_by_a_column_orders_the_whole_ranking_before_the_page_is_cut()
    {
        var page = RankingPages.Page(Job(), new RankingPageRequest(0, false, SortBy: RankingPages.ByName, Descending: true, Page: 0, PageSize: 3));

        Assert.Equal([299, 298, 297], page.Rows.Select(r => r.Applicant.Number));

        var fewestYears = RankingPages.Page(Job(), new RankingPageRequest(0, false, SortBy: RankingPages.ByYears, Page: 0, PageSize: 300));
        Assert.Equal(fewestYears.Rows.Select(r => r.Applicant.Years).Order(), fewestYears.Rows.Select(r => r.Applicant.Years));
    }
}
