using System.Diagnostics;
using System.Text.Json;
using Matcher.Core.Postings;
using Matcher.Core.Embeddings;
using Matcher.Core.Ranking;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Files;
using Matcher.Data.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Ranking;

/// <summary>
/// Works through queued ranking jobs a few applicants at a time, read in parallel and embedded together. Each batch's
/// results are committed together with the job's progress, so after a crash or restart the job resumes with the
/// applicants not yet done and never scores one twice. On PostgreSQL several app instances share the queue: each
/// claims batches with <c>FOR UPDATE SKIP LOCKED</c> under a lease (see the <c>.Shared</c> part).
/// It works for every coordinator with nobody signed in, so it reads jobs of all owners on purpose, not through
/// <see cref="Access.AccessScope"/>; what it finds reaches people only through <see cref="RankingJobs"/>, which is scoped.
/// </summary>
public sealed partial class RankingJobRunner(
    IDbContextFactory<MatcherDbContext> dbFactory,
    Ranker ranker,
    RankingSignal signal,
    TimeProvider clock,
    ILogger<RankingJobRunner> logger,
    FileStore files,
    IOptions<RankingOptions>? options = null)
{
    /// <summary>Applicants taken from the queue at a time: enough to fill the model's batches, few enough that progress moves every few seconds.</summary>
    private const int BatchSize = 8;

    /// <summary>Jobs left "Running" by a stopped app go back to the queue; returns how many.</summary>
    public async Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // On a shared store another instance may be running it; leases hand over what a stopped instance left.
        if (IsShared(db))
            return 0;
        var count = await db.RankingJobs
            .Where(j => j.Status == RankingJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RankingJobStatus.Queued), cancellationToken);
        if (count > 0)
            logger.LogInformation("Resuming {Count} interrupted ranking job(s)", count);
        return count;
    }

    /// <summary>
    /// Runs the oldest queued job to its end; false when the queue is empty. On a shared store: works on the oldest
    /// job with applicants free to claim until none are left, alongside whichever other instances do the same.
    /// </summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        bool shared;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            shared = IsShared(db);
        if (await (shared ? StartNextSharedAsync(cancellationToken) : StartNextLocalAsync(cancellationToken)) is not { } jobId)
            return false;
        signal.Publish(jobId);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnCancel(Guid id) { if (id == jobId) stop.Cancel(); }
        signal.CancelRequested += OnCancel;
        try
        {
            if (shared)
            {
                await RunSharedAsync(jobId, stop.Token);
                // Another instance may still hold part of the job; whoever commits the last batch completes it.
                await CompleteIfAllProcessedAsync(jobId, CancellationToken.None);
            }
            else
            {
                await RunAsync(jobId, stop.Token);
                await FinishAsync(jobId, RankingJobStatus.Completed, null, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Ranking job {JobId} was cancelled", jobId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Ranking job {JobId} failed", jobId);
            await FinishAsync(jobId, RankingJobStatus.Failed, "The ranking stopped because of a server error. Results so far are kept; start a new ranking to retry.", CancellationToken.None);
        }
        finally
        {
            signal.CancelRequested -= OnCancel;
            signal.Publish(jobId);
        }
        return true;
    }

    private async Task<Guid?> StartNextLocalAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.RankingJobs.Where(j => j.Status == RankingJobStatus.Queued)
            .OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (job is null)
            return null;
        job.Status = RankingJobStatus.Running;
        job.StartedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return job.Id;
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var (posting, positions) = await LoadPostingAsync(jobId, cancellationToken);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var job = await db.RankingJobs.SingleAsync(j => j.Id == jobId, cancellationToken);
            if (job.Status != RankingJobStatus.Running)
                return;
            // A batch at a time: its CVs are read on every core and embedded together, and its results and the job's
            // progress are one SaveChanges, so after a restart at most one batch is scored again.
            var batch = await db.RankingApplicants
                .Where(a => a.JobId == jobId && !a.Processed)
                .OrderBy(a => a.Number)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
                return;

            var watch = Stopwatch.StartNew();
            IReadOnlyList<ApplicantResult> results;
            // Nobody is waiting on a ranking's batch as they are on a match: its embeddings let people's matches go first.
            using (ModelTurns.AsBackground())
                results = await ranker.ScoreManyAsync(await FilesOfAsync(batch, cancellationToken), posting, positions, cancellationToken);
            for (var i = 0; i < batch.Count; i++)
                Apply(batch[i], results[i]);
            job.Done = await db.RankingApplicants.CountAsync(a => a.JobId == jobId && a.Processed, cancellationToken) + batch.Count;
            job.WorkSeconds += watch.Elapsed.TotalSeconds;
            // The applicants and the job's progress are one SaveChanges: one transaction, so they never disagree.
            await db.SaveChangesAsync(cancellationToken);
            signal.Publish(new RankingJobProgress(jobId, job.Status, job.Done, job.Total, job.WorkSeconds));
        }
    }

    /// <summary>The batch's CV files from the file store; a file gone missing is ranked as unreadable, with what to do about it.</summary>
    private async Task<IReadOnlyList<(int Number, ApplicantFile File)>> FilesOfAsync(IReadOnlyList<RankingApplicantEntity> batch, CancellationToken cancellationToken)
    {
        var loaded = new List<(int, ApplicantFile)>(batch.Count);
        foreach (var applicant in batch)
        {
            var content = await files.ReadOriginalAsync(applicant.FileSha256, applicant.OriginalFile, cancellationToken);
            loaded.Add((applicant.Number, content is null
                ? ApplicantFile.Refused(applicant.FileName, $"The file of \"{applicant.FileName}\" is missing from the file store; an administrator can restore the store's folder from a backup, or remove the applicant and add the CV again.")
                : new ApplicantFile(applicant.FileName, content)));
        }
        return loaded;
    }

    private void Apply(RankingApplicantEntity applicant, ApplicantResult result)
    {
        var cv = result.Cv;
        applicant.Processed = true;
        applicant.ProcessedAt = clock.GetUtcNow();
        applicant.Name = result.Name;
        applicant.Error = result.Error;
        applicant.ContactJson = cv is null ? null : JsonSerializer.Serialize(cv.Contact, MatcherJson.Options);
        applicant.WarningsJson = cv is null || cv.Warnings.Count == 0 ? null : JsonSerializer.Serialize(cv.Warnings, MatcherJson.Options);
        applicant.YearsExperience = cv?.TotalYearsExperience;
        applicant.Degree = cv?.Education.Where(e => e.Level is not null).OrderByDescending(e => e.Level).FirstOrDefault()?.Level?.ToString();
        applicant.ReportsJson = JsonSerializer.Serialize(result.Reports, MatcherJson.Options);
        applicant.BestScore = result.Reports.Where(r => r is not null).Select(r => (double?)r!.Score).Max();
        applicant.TextSha256 = cv is null ? null : ApplicantDuplicates.TextHash(cv.Text);
    }

    private async Task<(Posting Posting, IReadOnlyList<int> Positions)> LoadPostingAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.RankingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        var entity = await db.Postings.AsNoTracking().AsSplitQuery()
            .Include(p => p.Positions).ThenInclude(p => p.Requirements)
            .SingleAsync(p => p.Id == job.PostingId, cancellationToken);
        var positions = JsonSerializer.Deserialize<List<int>>(job.PositionsJson, MatcherJson.Options) ?? [];
        return (PostingMapping.ToPosting(entity), positions);
    }

    private async Task FinishAsync(Guid jobId, RankingJobStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only a job still running may finish; a job the user cancelled stays cancelled.
        await db.RankingJobs
            .Where(j => j.Id == jobId && j.Status == RankingJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow()), cancellationToken);
    }
}
