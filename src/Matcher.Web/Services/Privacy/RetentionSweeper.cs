using Matcher.Core.Cvs;
using Matcher.Core.Ranking;
using Matcher.Data;
using Matcher.Data.Erasure;
using Matcher.Data.Files;
using Matcher.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Privacy;

/// <summary>What one retention sweep deleted; counts only.</summary>
public sealed record RetentionCounts(int Cvs, int Reports, int Sessions, int Applicants, int RankingJobs, int Embeddings)
{
    public bool Any => Cvs + Reports + Sessions + Applicants + RankingJobs + Embeddings > 0;

    public override string ToString() =>
        $"cvs={Cvs} reports={Reports} sessions={Sessions} applicants={Applicants} rankings={RankingJobs} embeddings={Embeddings}";
}

/// <summary>
/// Deletes CVs and ranking applicants older than the retention period, with everything derived from them:
/// text, file, reports and their overrides, the notes of sessions left without a CV, and cached vectors.
/// Cached vectors older than the period go too, so none outlives the text it came from even when that text
/// was edited before it was deleted. Works in small batches, each its own transaction. It runs with nobody signed
/// in and deletes by age whoever the owner is, so it reads every owner's rows on purpose, not through
/// <see cref="Access.AccessScope"/>.
/// </summary>
public sealed class RetentionSweeper(
    IDbContextFactory<MatcherDbContext> dbFactory,
    IOptions<PrivacyOptions> options,
    CvReader cvReader,
    AuditLog audit,
    TimeProvider clock,
    FileStore files,
    ILogger<RetentionSweeper> logger)
{
    public const string ActorName = "retention";
    private const int BatchSize = 50;

    /// <summary>
    /// Deletes files left unused for a day: CVs listed for a ranking that was never started, and scratch files of
    /// uploads cut short by a stop. File times are the disk's, so the cutoff is the real time, not the app clock.
    /// Runs whether or not retention is on: these files belong to no one's data.
    /// </summary>
    public async Task<int> DeleteUnusedFilesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await StoredFiles.DeleteUnusedAsync(db, files, DateTime.UtcNow.AddDays(-1), cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Removed {Count} unused file(s) from the file store", deleted);
        return deleted;
    }

    public async Task<RetentionCounts> SweepAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (settings.KeepsForever)
            return new RetentionCounts(0, 0, 0, 0, 0, 0);
        var cutoff = clock.GetUtcNow().AddDays(-settings.RetentionDays);

        var tally = new Tally();
        await SweepCvsAsync(cutoff, tally, cancellationToken);
        await SweepApplicantsAsync(cutoff, tally, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            tally.Embeddings += await db.Embeddings.Where(e => e.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            if (tally.Cvs + tally.Applicants + tally.Embeddings > 0)
                await StoreScrubber.ScrubAsync(db, vacuum: false, logger, cancellationToken);
        }

        var counts = new RetentionCounts(tally.Cvs, tally.Reports, tally.Sessions, tally.Applicants, tally.Jobs, tally.Embeddings);
        if (counts.Any)
        {
            logger.LogInformation("Retention deleted data older than {Days} days: {Counts}, original files {Files}", settings.RetentionDays, counts.ToString(), tally.Files);
            await audit.RecordAsync(null, ActorName, AuditActions.RetentionDeletion, $"older-than:{settings.RetentionDays}d", counts.ToString(), cancellationToken);
        }
        return counts;
    }

    private async Task SweepCvsAsync(DateTimeOffset cutoff, Tally tally, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Cvs.AsNoTracking().Where(c => c.CreatedAt < cutoff).Take(BatchSize)
                .Select(c => new { c.Id, c.SessionId, c.ParsedJson, c.FileSha256, c.OriginalFile, c.FileName })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return;

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var keys = new EmbeddingKeys(cvReader, files);
            var cvIds = batch.Select(c => c.Id).ToList();
            foreach (var cv in batch)
                await keys.AddStoredCvAsync(cv.ParsedJson, cv.FileSha256, cv.OriginalFile, cv.FileName, cancellationToken);
            foreach (var json in await db.Reports.Where(r => cvIds.Contains(r.CvId)).Select(r => r.ReportJson).ToListAsync(cancellationToken))
                keys.AddReportJson(json);

            var reportIds = db.Reports.Where(r => cvIds.Contains(r.CvId)).Select(r => r.Id);
            await db.ReportOverrides.Where(o => reportIds.Contains(o.ReportId)).ExecuteDeleteAsync(cancellationToken);
            tally.Reports += await db.Reports.Where(r => cvIds.Contains(r.CvId)).ExecuteDeleteAsync(cancellationToken);
            tally.Cvs += await db.Cvs.Where(c => cvIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);

            // A session whose CVs are all gone holds only notes about a person no longer on file.
            var touched = batch.Where(c => c.SessionId is not null).Select(c => c.SessionId!.Value).Distinct().ToList();
            var emptied = db.Sessions.Where(s => touched.Contains(s.Id) && !db.Cvs.Any(c => c.SessionId == s.Id) && !db.Reports.Any(r => r.SessionId == s.Id));
            await db.Notes.Where(n => emptied.Any(s => s.Id == n.SessionId)).ExecuteDeleteAsync(cancellationToken);
            await db.SessionShares.Where(x => emptied.Any(s => s.Id == x.SessionId)).ExecuteDeleteAsync(cancellationToken);
            tally.Sessions += await emptied.ExecuteDeleteAsync(cancellationToken);

            tally.Embeddings += await keys.DeleteFromCacheAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            tally.Files += await keys.DeleteUnusedFilesAsync(db, cancellationToken);
        }
    }

    /// <summary>Applicants are as old as the ranking they were uploaded to; a ranking still at work is left alone.</summary>
    private async Task SweepApplicantsAsync(DateTimeOffset cutoff, Tally tally, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jobIds = await db.RankingJobs
            .Where(j => j.CreatedAt < cutoff && j.Status != RankingJobStatus.Queued && j.Status != RankingJobStatus.Running)
            .Select(j => j.Id).ToListAsync(cancellationToken);
        foreach (var jobId in jobIds)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var keys = new EmbeddingKeys(cvReader, files);
            await keys.AddApplicantsOfAsync(db, [jobId], cancellationToken);
            tally.Applicants += await db.RankingApplicants.Where(a => a.JobId == jobId).ExecuteDeleteAsync(cancellationToken);
            // A ranking without applicants shows nothing; it goes with them.
            tally.Jobs += await db.RankingJobs.Where(j => j.Id == jobId).ExecuteDeleteAsync(cancellationToken);
            tally.Embeddings += await keys.DeleteFromCacheAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            tally.Files += await keys.DeleteUnusedFilesAsync(db, cancellationToken);
        }
    }

    private sealed class Tally
    {
        public int Cvs, Reports, Sessions, Applicants, Jobs, Embeddings, Files;
    }
}
