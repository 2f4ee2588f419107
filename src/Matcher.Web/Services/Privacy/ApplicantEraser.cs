using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Ranking;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Erasure;
using Matcher.Data.Files;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Access;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services.Privacy;

/// <summary>
/// Removes one applicant from a ranking the caller owns: the CV file, what was read from it, its reports,
/// the reviewer's note and the cached vectors of its lines. The other applicants keep their numbers.
/// </summary>
public sealed class ApplicantEraser(
    IDbContextFactory<MatcherDbContext> dbFactory,
    ICurrentUser user,
    AccessScope access,
    CvReader cvReader,
    AuditLog audit,
    FileStore files,
    ILogger<ApplicantEraser> logger)
{
    /// <exception cref="InputException">The ranking or applicant does not exist, or the applicant is being scored right now.</exception>
    public async Task DeleteAsync(Guid jobId, Guid applicantId, CancellationToken cancellationToken = default)
    {
        int number;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var job = await access.Editable<RankingJobEntity>(db).SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken)
                ?? throw new NotFoundException("That ranking no longer exists.");
            var applicant = await db.RankingApplicants.SingleOrDefaultAsync(a => a.Id == applicantId && a.JobId == jobId, cancellationToken)
                ?? throw new NotFoundException("That applicant has already been removed.");
            // The worker may be scoring this very CV; removing it underneath would fail the whole ranking.
            if (job.Status == RankingJobStatus.Running && !applicant.Processed)
                throw new InputException("This CV is still waiting to be scored. Cancel the ranking or wait until it finishes, then remove the applicant.");

            var keys = new EmbeddingKeys(cvReader, files);
            await keys.AddApplicantAsync(applicant.FileSha256, applicant.OriginalFile, applicant.FileName, applicant.ReportsJson, cancellationToken);

            number = applicant.Number;
            job.Total = Math.Max(0, job.Total - 1);
            if (applicant.Processed)
                job.Done = Math.Max(0, job.Done - 1);
            db.RankingApplicants.Remove(applicant);
            await db.SaveChangesAsync(cancellationToken);
            await keys.DeleteFromCacheAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await keys.DeleteUnusedFilesAsync(db, cancellationToken);
            // Coordinators remove applicants one after another; a VACUUM each time would copy the file each time.
            await StoreScrubber.ScrubAsync(db, vacuum: false, logger, cancellationToken);
        }

        logger.LogInformation("Removed applicant {Number} from ranking {JobId}", number, jobId);
        await audit.RecordAsync(user, AuditActions.Deletion, $"ranking:{jobId}", $"applicant {number}", cancellationToken);
    }
}
