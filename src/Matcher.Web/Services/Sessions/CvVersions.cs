namespace Matcher.Web.Services.Sessions;

/// <summary>One position of one posting that a session matched with two or more CV versions, oldest CV first.</summary>
public sealed record CvVersionGroup(Guid PostingId, int PositionIndex, string PostingTitle, string PositionTitle, IReadOnlyList<ReportSummary> Reports)
{
    public ReportSummary Oldest => Reports[0];
    public ReportSummary Newest => Reports[^1];
}

/// <summary>Finds what a session can compare: reports of the same posting and position made from different CVs.</summary>
public static class CvVersions
{
    public static IReadOnlyList<CvVersionGroup> Comparable(IEnumerable<ReportSummary> reports) => reports
        .GroupBy(r => (r.PostingId, r.PositionIndex))
        .Where(g => g.Select(r => r.CvId).Distinct().Count() >= 2)
        .Select(g =>
        {
            var ordered = g.OrderBy(r => r.CvCreatedAt).ThenBy(r => r.CreatedAt).ToList();
            return new CvVersionGroup(g.Key.PostingId, g.Key.PositionIndex, ordered[^1].PostingTitle, ordered[^1].PositionTitle, ordered);
        })
        .OrderBy(g => g.PostingTitle, StringComparer.CurrentCulture)
        .ThenBy(g => g.PositionIndex)
        .ToList();
}
