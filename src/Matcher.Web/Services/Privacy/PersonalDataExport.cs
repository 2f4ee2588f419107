using System.IO.Compression;
using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Files;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Privacy;

/// <summary>
/// "Download my data": everything Matcher holds about the signed-in person, as a zip of JSON files and the
/// original CV files. Only the person's own rows are read; a shared session's other side is not included.
/// The rows are named by their owner (<see cref="OwnedRows.OwnedBy"/>) rather than read through the signed-in
/// person's <see cref="AccessScope"/>: what is shared with the person is someone else's data, not theirs to download.
/// </summary>
public sealed class PersonalDataExport(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, AuditLog audit, FileStore files)
{
    public const string FileName = "matcher-my-data.zip";

    public async Task<byte[]> BuildAsync(CancellationToken cancellationToken = default)
    {
        var userId = user.Id;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAccountAsync(db, zip, userId, cancellationToken);
            await WriteSessionsAsync(db, zip, userId, cancellationToken);
            await WriteCvsAsync(db, zip, userId, files, cancellationToken);
            await WritePostingsAsync(db, zip, userId, cancellationToken);
            await WriteRankingsAsync(db, zip, userId, cancellationToken);
            // The other side of a share is someone else's account: only whether it was accepted is exported.
            var address = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(cancellationToken);
            var made = await db.SessionShares.AsNoTracking().OwnedBy(userId)
                .Select(s => new ExportedShare(s.Id, s.SessionId, "made", s.AcceptedAt != null, s.CreatedAt, s.ExpiresAt, s.AcceptedAt, s.RevokedAt))
                .ToListAsync(cancellationToken);
            var received = await db.SessionShares.AsNoTracking()
                .Where(s => s.AdvisorId == userId || (address != null && s.AdvisorId == null && s.TokenSha256 == null && s.AdvisorEmail == address))
                .Select(s => new ExportedShare(s.Id, s.SessionId, "received", s.AcceptedAt != null, s.CreatedAt, s.ExpiresAt, s.AcceptedAt, s.RevokedAt))
                .ToListAsync(cancellationToken);
            var shares = made.Concat(received.Where(r => made.All(m => m.Id != r.Id))).OrderBy(s => s.CreatedAt).ToList();
            Write(zip, "shares.json", shares);
            var entries = await db.AuditLog.AsNoTracking().Where(a => a.ActorId == userId).OrderBy(a => a.Id)
                .Select(a => new ExportedAuditEntry(a.At, a.Action, a.Subject, a.Details)).ToListAsync(cancellationToken);
            Write(zip, "audit.json", entries);
        }
        await audit.RecordAsync(user, AuditActions.Export, "account", "my-data.zip", cancellationToken);
        return buffer.ToArray();
    }

    private static async Task WriteAccountAsync(MatcherDbContext db, ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var roles = await (from ur in db.UserRoles where ur.UserId == userId join r in db.Roles on ur.RoleId equals r.Id select r.Name)
            .ToListAsync(cancellationToken);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToListAsync(cancellationToken);
        Write(zip, "account.json", new ExportedAccount(userId, account?.UserName, account?.Email, account?.DisplayName, account?.Team,
            account?.CreatedAt, roles.OfType<string>().Order(StringComparer.Ordinal).ToList(), logins));
    }

    private static async Task WriteSessionsAsync(MatcherDbContext db, ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().OwnedBy(userId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var reports = (await db.Reports.AsNoTracking().OwnedBy(userId).ToListAsync(cancellationToken))
            .Concat(await db.Reports.AsNoTracking().Where(r => sessionIds.Contains(r.SessionId)).ToListAsync(cancellationToken))
            .DistinctBy(r => r.Id).ToList();
        var reportIds = reports.Where(r => sessionIds.Contains(r.SessionId)).Select(r => r.Id).ToList();
        // Notes are private to their author: an advisor's notes on this person's session are the advisor's, not theirs.
        var notes = await db.Notes.AsNoTracking().OwnedBy(userId).ToListAsync(cancellationToken);
        var overrides = (await db.ReportOverrides.AsNoTracking().OwnedBy(userId).ToListAsync(cancellationToken))
            .Concat(await db.ReportOverrides.AsNoTracking().Where(o => reportIds.Contains(o.ReportId)).ToListAsync(cancellationToken))
            .DistinctBy(o => o.Id).ToList();

        foreach (var session in sessions)
        {
            var sessionReports = reports.Where(r => r.SessionId == session.Id).OrderBy(r => r.CreatedAt).ToList();
            var ids = sessionReports.Select(r => r.Id).ToHashSet();
            Write(zip, $"sessions/{session.Id}.json", new ExportedSession(
                session.Id, session.Title, session.CreatedAt, session.UpdatedAt,
                sessionReports.Select(r => new ExportedReport(r.Id, r.CvId, r.PostingId, r.PositionTitle, r.Score, r.CreatedAt,
                    JsonSerializer.Deserialize<MatchReport>(r.ReportJson, MatcherJson.Options))).ToList(),
                notes.Where(n => n.SessionId == session.Id).Select(n => new ExportedNote(n.SessionId, n.Text, n.CreatedAt, n.UpdatedAt)).ToList(),
                overrides.Where(o => ids.Contains(o.ReportId)).Select(ToExported).ToList()));
        }

        // Notes and overrides the person wrote in sessions shared with them belong to them too.
        var elsewhereNotes = notes.Where(n => !sessionIds.Contains(n.SessionId)).ToList();
        var elsewhereOverrides = overrides.Where(o => !reportIds.Contains(o.ReportId)).ToList();
        if (elsewhereNotes.Count > 0 || elsewhereOverrides.Count > 0)
            Write(zip, "sessions/shared-with-me.json", new ExportedContributions(
                elsewhereNotes.Select(n => new ExportedNote(n.SessionId, n.Text, n.CreatedAt, n.UpdatedAt)).ToList(),
                elsewhereOverrides.Select(ToExported).ToList()));
    }

    private static async Task WriteCvsAsync(MatcherDbContext db, ZipArchive zip, string userId, FileStore files, CancellationToken cancellationToken)
    {
        var ids = await db.Cvs.OwnedBy(userId).OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            // One at a time: original files can be large.
            var cv = await db.Cvs.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
            var name = SafeFileName(cv.FileName);
            if (string.Equals(name, "cv.json", StringComparison.OrdinalIgnoreCase))
                name = "original-" + name;
            var file = zip.CreateEntry($"cvs/{id}/{name}", CompressionLevel.Optimal);
            await using (var stream = await file.OpenAsync(cancellationToken))
            {
                // A file lost from the store (a folder not restored with the database) leaves an empty entry, not a failed export.
                var content = await files.ReadOriginalAsync(cv.FileSha256, cv.OriginalFile, cancellationToken) ?? [];
                await stream.WriteAsync(content, cancellationToken);
            }
            Write(zip, $"cvs/{id}/cv.json", new ExportedCv(cv.Id, cv.SessionId, cv.FileName, cv.Format, cv.Sha256, cv.CreatedAt,
                JsonSerializer.Deserialize<CvDocument>(cv.ParsedJson, MatcherJson.Options)));
        }
    }

    private static async Task WritePostingsAsync(MatcherDbContext db, ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var postings = await db.Postings.AsNoTracking().AsSplitQuery()
            .Include(p => p.Positions).ThenInclude(p => p.Requirements)
            .OwnedBy(userId).ToListAsync(cancellationToken);
        foreach (var posting in postings)
            Write(zip, $"postings/{posting.Id}.json", new ExportedPosting(posting.Id, posting.SourceName, posting.SourceText, posting.SharedWithTeam,
                posting.CreatedAt, posting.UpdatedAt, PostingMapping.ToPosting(posting)));
    }

    /// <summary>The rankings the person ran, with their decisions and notes; applicants' CVs are the applicants' data, not theirs.</summary>
    private static async Task WriteRankingsAsync(MatcherDbContext db, ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var jobs = await db.RankingJobs.AsNoTracking().Include(j => j.Applicants).OwnedBy(userId).ToListAsync(cancellationToken);
        foreach (var job in jobs)
            Write(zip, $"rankings/{job.Id}.json", new ExportedRanking(job.Id, job.PostingId, job.Status.ToString(), job.Total, job.Blind, job.CreatedAt,
                job.Applicants.OrderBy(a => a.Number).Select(a => new ExportedDecision(a.Number, a.Decision.ToString(), a.Note)).ToList()));
    }

    private static ExportedOverride ToExported(Matcher.Data.Entities.ReportOverrideEntity o) =>
        new(o.ReportId, o.RequirementId, o.Status, o.Reason, o.CreatedAt);

    private static void Write<T>(ZipArchive zip, string path, T value)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, value, MatcherJson.Indented);
    }

    /// <summary>A stored file name as a single zip entry name: no folders, no characters that break extraction.</summary>
    internal static string SafeFileName(string name)
    {
        var leaf = Path.GetFileName(name.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars().Concat([':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(leaf.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim().TrimStart('.');
        return safe.Length == 0 ? "cv" : safe;
    }
}

internal sealed record ExportedAccount(string Id, string? UserName, string? Email, string? DisplayName, string? Team, DateTimeOffset? CreatedAt, IReadOnlyList<string> Roles, IReadOnlyList<string> ExternalLogins);
internal sealed record ExportedSession(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ExportedReport> Reports, IReadOnlyList<ExportedNote> Notes, IReadOnlyList<ExportedOverride> Overrides);
internal sealed record ExportedReport(Guid Id, Guid CvId, Guid PostingId, string PositionTitle, double Score, DateTimeOffset CreatedAt, MatchReport? Report);
internal sealed record ExportedNote(Guid SessionId, string Text, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
internal sealed record ExportedOverride(Guid ReportId, string RequirementId, string Status, string Reason, DateTimeOffset CreatedAt);
internal sealed record ExportedContributions(IReadOnlyList<ExportedNote> Notes, IReadOnlyList<ExportedOverride> Overrides);
internal sealed record ExportedCv(Guid Id, Guid? SessionId, string FileName, string Format, string Sha256, DateTimeOffset CreatedAt, CvDocument? Parsed);
internal sealed record ExportedPosting(Guid Id, string? SourceName, string SourceText, bool SharedWithTeam, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Posting Posting);
internal sealed record ExportedRanking(Guid Id, Guid PostingId, string Status, int Total, bool Blind, DateTimeOffset CreatedAt, IReadOnlyList<ExportedDecision> Applicants);
internal sealed record ExportedDecision(int Number, string Decision, string? Note);
internal sealed record ExportedShare(Guid Id, Guid SessionId, string Direction, bool Accepted, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? RevokedAt);
internal sealed record ExportedAuditEntry(DateTimeOffset At, string Action, string? Subject, string? Details);
