using Matcher.Core.Ranking;
using Matcher.Core.Reports;

namespace Matcher.Web.Services.Ranking;

/// <summary>One applicant's row in the ranked table for one position.</summary>
public sealed record RankingRow(RankedApplicant Applicant, int? Rank, MatchReport? Report, string Name, string Gaps);

/// <summary>What the ranked table asks for: a filter, a sort column (as the table names it) and a page.</summary>
public sealed record RankingPageRequest(
    int Column, bool Blind, string? Search = null, ApplicantDecision? Decision = null,
    string? SortBy = null, bool Descending = false, int Page = 0, int PageSize = 50);

public sealed record RankingPage(IReadOnlyList<RankingRow> Rows, int Total);

/// <summary>
/// The ranked table a page at a time: filtered, sorted and cut on the server, so a ranking of thousands sends the
/// browser only the rows it shows. Ranks are counted over all processed applicants first, so "rank 7" stays rank 7
/// whatever the filter.
/// </summary>
public static class RankingPages
{
    public const string ByRank = "rank", ByName = "name", ByScore = "score", ByMet = "met", ByPartly = "partly",
        ByMissing = "missing", ByYears = "years", ByDecision = "decision";

    /// <summary>The processed applicants best score first for one position, as the table ranks them and the applicant panel steps through them.</summary>
    public static IReadOnlyList<RankedApplicant> Ranked(RankingJobView job, int column) => job.Applicants
        .Where(a => a.Processed)
        .OrderByDescending(a => a.ReportFor(column)?.Score ?? double.MinValue)
        .ThenBy(a => a.Number)
        .ToList();

    public static RankingPage Page(RankingJobView job, RankingPageRequest request)
    {
        var rows = Ranked(job, request.Column)
            .Select((a, i) => (Applicant: a, Report: a.ReportFor(request.Column), Rank: i + 1))
            .Select(x => new RankingRow(x.Applicant, x.Report is null ? null : x.Rank, x.Report, x.Applicant.DisplayName(request.Blind), TopGaps(x.Report)))
            .Where(r => Matches(r, request))
            .ToList();
        var sorted = Sort(rows, request.SortBy, request.Descending);
        var size = Math.Max(1, request.PageSize);
        return new RankingPage(sorted.Skip(Math.Max(0, request.Page) * size).Take(size).ToList(), rows.Count);
    }

    private static bool Matches(RankingRow row, RankingPageRequest request) =>
        (request.Decision is null || row.Applicant.Decision == request.Decision)
        && (string.IsNullOrWhiteSpace(request.Search)
            || row.Name.Contains(request.Search, StringComparison.OrdinalIgnoreCase)
            || row.Gaps.Contains(request.Search, StringComparison.OrdinalIgnoreCase)
            || (!request.Blind && row.Applicant.FileName.Contains(request.Search, StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<RankingRow> Sort(IEnumerable<RankingRow> rows, string? by, bool descending)
    {
        // Ties keep rank order, so paging through an equal-score run never shows a row twice or skips one.
        IOrderedEnumerable<RankingRow> Order<TKey>(Func<RankingRow, TKey> key) =>
            (descending ? rows.OrderByDescending(key) : rows.OrderBy(key)).ThenBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Applicant.Number);
        return by switch
        {
            ByName => Order(r => r.Name.ToUpperInvariant()),
            ByScore => Order(r => r.Report?.Score ?? -1),
            ByMet => Order(r => r.Report?.Summary.Met ?? -1),
            ByPartly => Order(r => r.Report?.Summary.Partial ?? -1),
            ByMissing => Order(r => r.Report?.Summary.Missing ?? int.MaxValue),
            ByYears => Order(r => r.Applicant.Years ?? -1),
            ByDecision => Order(r => r.Applicant.Decision),
            _ => Order(r => r.Rank ?? int.MaxValue),
        };
    }

    public static string TopGaps(MatchReport? report) => report is null ? "" : string.Join("; ", report.Requirements
        .Where(r => r.Status == MatchStatus.Missing)
        .OrderBy(r => r.Kind).ThenByDescending(r => r.Weight)
        .Take(3)
        .Select(r => r.Text.Length > 80 ? r.Text[..77] + "…" : r.Text));
}
