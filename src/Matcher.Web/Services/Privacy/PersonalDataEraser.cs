using System.Data.Common;
using Matcher.Core.Cvs;
using Matcher.Core.Reports;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Erasure;
using Matcher.Data.Files;
using Matcher.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Privacy;

/// <summary>What one erasure removed, for the audit log and the logs; counts only, never content.</summary>
public sealed record ErasureCounts(
    int Sessions, int Cvs, int Reports, int Notes, int Overrides, int Shares, int RankingJobs, int Applicants,
    int Postings, int PostingsHandedOver, int Embeddings, int AuditEntriesAnonymised)
{
    public override string ToString() =>
        $"sessions={Sessions} cvs={Cvs} reports={Reports} notes={Notes} overrides={Overrides} shares={Shares} " +
        $"rankings={RankingJobs} applicants={Applicants} postings={Postings} postings-handed-over={PostingsHandedOver} " +
        $"embeddings={Embeddings} audit-anonymised={AuditEntriesAnonymised}";
}

/// <summary>
/// "Delete my data": removes a person's sessions, CVs, reports, notes, overrides, shares, rankings, postings,
/// the cached vectors of their texts and their account, in one transaction, so a failure leaves everything
/// as it was. Audit entries stay (what happened is the organisation's record) but lose who did it.
/// A posting that another person's report or ranking still uses cannot be deleted without breaking their
/// work; it is handed over to that person instead, so nothing of the leaver stays attached to it.
/// The deleted rows are zeroed in the database file too (see <see cref="StoreScrubber"/>), not only unlinked.
/// </summary>
public sealed class PersonalDataEraser(
    IDbContextFactory<MatcherDbContext> dbFactory,
    ICurrentUser user,
    CvReader cvReader,
    TimeProvider clock,
    IOptions<PrivacyOptions> options,
    FileStore files,
    ILogger<PersonalDataEraser> logger)
{
    public const string DeletedUserName = "deleted user";

    /// <summary>Erases the signed-in person's data; false when it failed and nothing was changed.</summary>
    public async Task<bool> DeleteMyDataAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await EraseAsync(user.Id, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Deleting a person's data failed; the transaction was rolled back");
            return false;
        }
    }

    public async Task<ErasureCounts> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.NormalizedEmail, u.UserName, u.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        var keys = new EmbeddingKeys(cvReader, files);

        // The person erased need not be the one signed in (an administrator, the command line), and erasure reaches
        // past what anyone sees: every row the person owns, and every row in their sessions whoever wrote it.
        // So it names its owner itself (OwnedBy) instead of going through the signed-in person's AccessScope.
        var sessionIds = await db.Sessions.OwnedBy(userId).Select(s => s.Id).ToListAsync(cancellationToken);
        var cvIds = await db.Cvs.OwnedBy(userId).Select(c => c.Id)
            .Union(db.Cvs.Where(c => c.SessionId != null && sessionIds.Contains(c.SessionId.Value)).Select(c => c.Id))
            .ToListAsync(cancellationToken);
        var reportIds = await db.Reports.OwnedBy(userId).Select(r => r.Id)
            .Union(db.Reports.Where(r => sessionIds.Contains(r.SessionId) || cvIds.Contains(r.CvId)).Select(r => r.Id))
            .ToListAsync(cancellationToken);
        var jobIds = await db.RankingJobs.OwnedBy(userId).Select(j => j.Id).ToListAsync(cancellationToken);

        await CollectCvKeysAsync(db, cvIds, keys, cancellationToken);
        foreach (var json in await db.Reports.Where(r => reportIds.Contains(r.Id)).Select(r => r.ReportJson).ToListAsync(cancellationToken))
            keys.AddReportJson(json);
        await keys.AddApplicantsOfAsync(db, jobIds, cancellationToken);

        var overrides = await db.ReportOverrides.OwnedBy(userId).ExecuteDeleteAsync(cancellationToken)
            + await db.ReportOverrides.Where(o => o.ChangedBy == userId || reportIds.Contains(o.ReportId)).ExecuteDeleteAsync(cancellationToken);
        var reports = await db.Reports.Where(r => reportIds.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        var notes = await db.Notes.OwnedBy(userId).ExecuteDeleteAsync(cancellationToken)
            + await db.Notes.Where(n => sessionIds.Contains(n.SessionId)).ExecuteDeleteAsync(cancellationToken);
        var email = account?.NormalizedEmail;
        var shares = await db.SessionShares.OwnedBy(userId).ExecuteDeleteAsync(cancellationToken)
            + await db.SessionShares
                .Where(s => s.AdvisorId == userId || sessionIds.Contains(s.SessionId)
                    || (email != null && s.AdvisorEmail != null && s.AdvisorEmail.ToUpper() == email))
                .ExecuteDeleteAsync(cancellationToken);
        var cvs = await db.Cvs.Where(c => cvIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.Sessions.Where(s => sessionIds.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        var applicants = await db.RankingApplicants.Where(a => jobIds.Contains(a.JobId)).ExecuteDeleteAsync(cancellationToken);
        var jobs = await db.RankingJobs.Where(j => jobIds.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
        var (postings, handedOver) = await ErasePostingsAsync(db, userId, keys, cancellationToken);
        var embeddings = await keys.DeleteFromCacheAsync(db, cancellationToken);

        var anonymised = await AnonymiseAuditAsync(db, userId, [account?.Email, account?.UserName, account?.DisplayName], cancellationToken);
        var counts = new ErasureCounts(sessions, cvs, reports, notes, overrides, shares, jobs, applicants, postings, handedOver, embeddings, anonymised);
        db.AuditLog.Add(new AuditEntryEntity
        {
            At = clock.GetUtcNow(),
            ActorId = null,
            ActorName = DeletedUserName,
            Action = AuditActions.Deletion,
            Subject = "account",
            Details = counts.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);

        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        var deletedFiles = await keys.DeleteUnusedFilesAsync(db, cancellationToken);
        logger.LogInformation("Erased a person's data: {Counts}, original files {Files}", counts.ToString(), deletedFiles);
        await StoreScrubber.ScrubAsync(db, options.Value.VacuumAfterErasure, logger, cancellationToken);
        return counts;
    }

    /// <summary>Read one at a time: original files can be large.</summary>
    private static async Task CollectCvKeysAsync(MatcherDbContext db, List<Guid> cvIds, EmbeddingKeys keys, CancellationToken cancellationToken)
    {
        foreach (var id in cvIds)
        {
            var cv = await db.Cvs.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.ParsedJson, c.FileSha256, c.OriginalFile, c.FileName }).SingleAsync(cancellationToken);
            await keys.AddStoredCvAsync(cv.ParsedJson, cv.FileSha256, cv.OriginalFile, cv.FileName, cancellationToken);
        }
    }

    /// <summary>Deletes the person's postings that nobody else's work uses; hands the others to a user who uses them.</summary>
    private static async Task<(int Deleted, int HandedOver)> ErasePostingsAsync(
        MatcherDbContext db, string userId, EmbeddingKeys keys, CancellationToken cancellationToken)
    {
        var postingIds = await db.Postings.OwnedBy(userId).Select(p => p.Id).ToListAsync(cancellationToken);
        var users = await db.Reports.Where(r => postingIds.Contains(r.PostingId)).Select(r => new { r.PostingId, r.OwnerId })
            .Concat(db.RankingJobs.Where(j => postingIds.Contains(j.PostingId)).Select(j => new { j.PostingId, j.OwnerId }))
            .ToListAsync(cancellationToken);
        var heirs = users.GroupBy(u => u.PostingId).ToDictionary(g => g.Key, g => g.Select(u => u.OwnerId).Order(StringComparer.Ordinal).First());

        foreach (var (postingId, heir) in heirs)
            await db.Postings.Where(p => p.Id == postingId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.OwnerId, heir), cancellationToken);

        var doomed = postingIds.Where(id => !heirs.ContainsKey(id)).ToList();
        foreach (var text in await db.Requirements.Where(r => db.Positions.Any(p => p.Id == r.PositionId && doomed.Contains(p.PostingId)))
                     .Select(r => r.Text).ToListAsync(cancellationToken))
            keys.AddText(text);
        foreach (var position in await db.Positions.Where(p => doomed.Contains(p.PostingId)).Select(p => new { p.Title, p.ResponsibilitiesJson }).ToListAsync(cancellationToken))
        {
            // The engine embeds a position's title beside its requirements and duties.
            keys.AddText(position.Title);
            keys.AddResponsibilitiesJson(position.ResponsibilitiesJson);
        }
        foreach (var title in await db.Postings.Where(p => doomed.Contains(p.Id)).Select(p => p.Title).ToListAsync(cancellationToken))
            keys.AddText(title);
        var deleted = await db.Postings.Where(p => doomed.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        return (deleted, heirs.Count);
    }

    /// <summary>The person's own entries keep their action but lose who; others' entries lose any mention of them.</summary>
    private static async Task<int> AnonymiseAuditAsync(MatcherDbContext db, string userId, string?[] identifiers, CancellationToken cancellationToken)
    {
        var anonymised = await db.AuditLog.Where(a => a.ActorId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorId, (string?)null).SetProperty(a => a.ActorName, DeletedUserName), cancellationToken);

        // Short display names ("Al") would match inside unrelated words; ids, e-mails and longer names will not.
        var mentions = identifiers.Where(m => m is { Length: >= 3 }).Select(m => m!).Prepend(userId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var mention in mentions)
        {
            var entries = await db.AuditLog
                .Where(a => (a.Subject != null && a.Subject.Contains(mention)) || (a.Details != null && a.Details.Contains(mention)))
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                entry.Subject = entry.Subject?.Replace(mention, DeletedUserName, StringComparison.OrdinalIgnoreCase);
                entry.Details = entry.Details?.Replace(mention, DeletedUserName, StringComparison.OrdinalIgnoreCase);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return anonymised;
    }
}
