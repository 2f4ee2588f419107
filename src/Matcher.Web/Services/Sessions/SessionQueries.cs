using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Files;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Sessions;

/// <param name="Candidate">The name read from the session's latest CV, or its file name when no name was read.</param>
public sealed record SessionSummary(Guid Id, string Title, string Candidate, IReadOnlyList<string> Postings, int Reports, double? BestScore, DateTimeOffset UpdatedAt);

public sealed record ReportSummary(
    Guid Id, string PositionTitle, string PostingTitle, string CvFileName, double Score, DateTimeOffset CreatedAt, Guid CvId,
    Guid PostingId, int PositionIndex, DateTimeOffset CvCreatedAt);

public sealed record SessionDetail(Guid Id, string Title, DateTimeOffset CreatedAt, IReadOnlyList<ReportSummary> Reports);

public sealed record SavedReport(Guid Id, Guid SessionId, string SessionTitle, string PostingTitle, string? Company, string CvFileName, DateTimeOffset CreatedAt, MatchReport Report, Guid CvId = default, Guid PostingId = default, string? CandidateName = null);

/// <summary>Reads sessions and reports the caller may see: their own and those shared with them.</summary>
public sealed class SessionQueries(IDbContextFactory<MatcherDbContext> dbFactory, AccessScope access, FileStore files)
{
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await access.Visible<MatchSessionEntity>(db)
            .Select(s => new
            {
                s.Id, s.Title, s.UpdatedAt,
                Scores = s.Reports.Select(r => r.Score).ToList(),
                Postings = s.Reports.Select(r => db.Postings.Where(p => p.Id == r.PostingId).Select(p => p.Title).FirstOrDefault()).ToList(),
            })
            .ToListAsync(cancellationToken);
        var candidates = await CandidatesAsync(db, cancellationToken);
        return rows
            .Select(s => new SessionSummary(
                s.Id, s.Title, candidates.GetValueOrDefault(s.Id, "—"),
                s.Postings.OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
                s.Scores.Count, s.Scores.Count == 0 ? null : s.Scores.Max(), s.UpdatedAt))
            .OrderByDescending(s => s.UpdatedAt)
            .ToList();
    }

    /// <summary>Who each session is about: the name read from its latest CV, or that CV's file name.</summary>
    private async Task<Dictionary<Guid, string>> CandidatesAsync(MatcherDbContext db, CancellationToken cancellationToken)
    {
        var visible = access.VisibleSessionIds(db);
        var cvs = await db.Cvs
            .Where(c => c.SessionId != null && visible.Contains(c.SessionId.Value))
            .Select(c => new { c.Id, SessionId = c.SessionId!.Value, c.CreatedAt, c.FileName })
            .ToListAsync(cancellationToken);
        var latest = cvs.GroupBy(c => c.SessionId).Select(g => g.OrderByDescending(c => c.CreatedAt).First()).ToList();
        var ids = latest.Select(c => c.Id).ToList();
        var parsed = await db.Cvs.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.ParsedJson }).ToDictionaryAsync(c => c.Id, c => c.ParsedJson, cancellationToken);
        return latest.ToDictionary(c => c.SessionId, c => NameIn(parsed.GetValueOrDefault(c.Id)) ?? c.FileName);
    }

    private static string? NameIn(string? parsedJson)
    {
        if (parsedJson is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<CvDocument>(parsedJson, MatcherJson.Options)?.Contact.Name is { Length: > 0 } name ? name : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<SessionDetail?> GetSessionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await access.Visible<MatchSessionEntity>(db).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
            return null;
        // Each report shows the posting and CV it was made from, whoever's library the posting is in.
        var reports = await (
            from r in access.Visible<ReportEntity>(db)
            where r.SessionId == id
            join p in db.Postings on r.PostingId equals p.Id
            join c in db.Cvs on r.CvId equals c.Id
            select new { r.Id, r.PositionTitle, PostingTitle = p.Title, c.FileName, r.Score, r.CreatedAt, r.CvId, r.PostingId, r.PositionIndex, CvCreatedAt = c.CreatedAt })
            .ToListAsync(cancellationToken);
        return new SessionDetail(session.Id, session.Title, session.CreatedAt,
            reports.OrderByDescending(r => r.CreatedAt)
                .Select(r => new ReportSummary(r.Id, r.PositionTitle, r.PostingTitle, r.FileName, r.Score, r.CreatedAt, r.CvId, r.PostingId, r.PositionIndex, r.CvCreatedAt))
                .ToList());
    }

    public async Task<SavedReport?> GetReportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (
            from r in access.Visible<ReportEntity>(db)
            where r.Id == id
            join s in db.Sessions on r.SessionId equals s.Id
            join p in db.Postings on r.PostingId equals p.Id
            join c in db.Cvs on r.CvId equals c.Id
            select new { r.Id, r.SessionId, SessionTitle = s.Title, PostingTitle = p.Title, p.Company, c.FileName, r.CreatedAt, r.ReportJson, r.CvId, r.PostingId, c.ParsedJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var report = JsonSerializer.Deserialize<MatchReport>(row.ReportJson, MatcherJson.Options)
            ?? throw new InvalidDataException($"Report {id} could not be read.");
        report = Overrides.Apply(report, await ReportOverrides.LoadAsync(db, id, cancellationToken));
        // The name read from the CV (with the person's corrections) heads the report, on screen and on paper.
        var name = NameIn(row.ParsedJson);
        return new SavedReport(row.Id, row.SessionId, row.SessionTitle, row.PostingTitle, row.Company, row.FileName, row.CreatedAt, report, row.CvId, row.PostingId, name);
    }

    /// <summary>The original CV file of a report, for download.</summary>
    public async Task<(string FileName, byte[] Content)?> GetCvFileAsync(Guid cvId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cv = await access.Visible<CvEntity>(db).AsNoTracking()
            .Where(c => c.Id == cvId)
            .Select(c => new { c.FileName, c.FileSha256, c.OriginalFile })
            .SingleOrDefaultAsync(cancellationToken);
        if (cv is null)
            return null;
        var content = await files.ReadOriginalAsync(cv.FileSha256, cv.OriginalFile, cancellationToken)
            ?? throw new InvalidDataException($"The file of CV {cvId} is missing from the file store; restore the store's folder from a backup.");
        return (cv.FileName, content);
    }
}
