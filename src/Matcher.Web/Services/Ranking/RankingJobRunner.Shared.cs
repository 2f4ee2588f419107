using System.Diagnostics;
using Matcher.Core.Embeddings;
using Matcher.Core.Ranking;
using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services.Ranking;

/// <summary>
/// The queue shared by several app instances on one PostgreSQL database. An instance claims a batch of applicants
/// with <c>FOR UPDATE SKIP LOCKED</c> (so two instances never take the same rows) and stamps it with its name and a
/// lease. Results are committed only for rows still claimed by that instance, so an applicant is recorded once even
/// when a slow instance's lease ran out and another took the batch over. Leases, not start-up, hand over the work of
/// an instance that stopped: once its lease expires any instance claims those applicants again.
/// </summary>
public sealed partial class RankingJobRunner
{
    /// <summary>This runner's name in <c>ClaimedBy</c>: the host and process, plus a random part so two runners in one process differ.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private TimeSpan LeaseDuration => options?.Value.LeaseDuration is { } lease && lease > TimeSpan.Zero ? lease : TimeSpan.FromMinutes(2);

    private ILogger Logger => logger;

    private static bool IsShared(MatcherDbContext db) => db.Database.IsNpgsql();

    /// <summary>The oldest queued or running job with applicants nobody holds; marked running if it was queued.</summary>
    private async Task<Guid?> StartNextSharedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var jobId = await db.RankingJobs
            .Where(j => j.Status == RankingJobStatus.Queued || j.Status == RankingJobStatus.Running)
            .Where(j => db.RankingApplicants.Any(a => a.JobId == j.Id && !a.Processed && (a.LeaseExpiresAt == null || a.LeaseExpiresAt < now)))
            .OrderBy(j => j.CreatedAt)
            .Select(j => (Guid?)j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (jobId is null)
            return null;
        // Conditional, so a job cancelled meanwhile stays cancelled and two instances starting it agree.
        await db.RankingJobs.Where(j => j.Id == jobId && j.Status == RankingJobStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RankingJobStatus.Running).SetProperty(j => j.StartedAt, now), cancellationToken);
        return jobId;
    }

    private async Task RunSharedAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var (posting, positions) = await LoadPostingAsync(jobId, cancellationToken);
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var status = await db.RankingJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync(cancellationToken);
            // A user on any instance may have cancelled it; this instance learns so here.
            if (status != RankingJobStatus.Running)
                return;
            var batch = await ClaimBatchAsync(db, jobId, cancellationToken);
            if (batch.Count == 0)
                return;

            var watch = Stopwatch.StartNew();
            IReadOnlyList<ApplicantResult> results;
            // A batch may take longer than the lease under load; holding the lease while it runs keeps another
            // instance from taking it over and doing the same work again, only for one of the two to be dropped.
            await using (var lease = new BatchLease(this, jobId, batch, cancellationToken))
            {
                try
                {
                    using (ModelTurns.AsBackground())
                        results = await ranker.ScoreManyAsync(await FilesOfAsync(batch, lease.Token), posting, positions, lease.Token);
                }
                catch (OperationCanceledException) when (lease.Lost && !cancellationToken.IsCancellationRequested)
                {
                    // Another instance holds these applicants now and records them; this one moves on to the next batch.
                    continue;
                }
            }
            await CommitClaimedAsync(db, jobId, batch, results, watch.Elapsed.TotalSeconds, cancellationToken);
            signal.Publish(await db.RankingJobs.AsNoTracking().Where(j => j.Id == jobId)
                .Select(j => new RankingJobProgress(j.Id, j.Status, j.Done, j.Total, j.WorkSeconds)).SingleAsync(cancellationToken));
        }
    }

    /// <summary>Takes up to a batch of unprocessed applicants that no live lease holds; rows another instance is claiming right now are skipped, not waited for.</summary>
    /// <summary>Raised each time this runner renews the lease on a batch it holds, with the job's id.</summary>
    internal event Action<Guid>? LeaseRenewed;

    /// <summary>
    /// Renews the lease on a claimed batch every third of <see cref="LeaseDuration"/> until disposed, so the batch stays
    /// this instance's however long it takes, while an instance that stops also stops renewing and its batch is
    /// handed over once the lease runs out. If a renewal finds the batch held by another instance (this one was
    /// stalled for longer than the lease), <see cref="Token"/> is cancelled so the work stops and nothing is recorded.
    /// </summary>
    private sealed class BatchLease : IAsyncDisposable
    {
        private readonly RankingJobRunner _runner;
        private readonly Guid _jobId;
        private readonly Guid[] _ids;
        private readonly CancellationTokenSource _batch;
        private readonly Task _renewing;

        public BatchLease(RankingJobRunner runner, Guid jobId, IReadOnlyList<RankingApplicantEntity> batch, CancellationToken cancellationToken)
        {
            _runner = runner;
            _jobId = jobId;
            _ids = batch.Select(a => a.Id).ToArray();
            _batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // The timer is created before the batch's work starts, so renewals count from the claim.
            _renewing = RenewAsync();
        }

        public CancellationToken Token => _batch.Token;

        /// <summary>True once a renewal found that another instance took the batch over.</summary>
        public bool Lost { get; private set; }

        private async Task RenewAsync()
        {
            using var timer = _runner.RenewalTimer();
            try
            {
                while (await timer.WaitForNextTickAsync(_batch.Token))
                {
                    int renewed;
                    try
                    {
                        renewed = await _runner.RenewLeaseAsync(_ids, _batch.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The lease still has two thirds to run; the next tick tries again.
                        _runner.Logger.LogWarning(ex, "Could not renew the lease on a batch of ranking job {JobId}", _jobId);
                        continue;
                    }
                    if (renewed < _ids.Length)
                    {
                        Lost = true;
                        _runner.Logger.LogWarning("A batch of ranking job {JobId} was taken over by another instance while {Instance} worked on it; its results here are dropped",
                            _jobId, _runner.InstanceId);
                        await _batch.CancelAsync();
                        await _runner.ReleaseLeaseAsync(_jobId, _ids);
                        return;
                    }
                    _runner.LeaseRenewed?.Invoke(_jobId);
                }
            }
            catch (OperationCanceledException) when (_batch.IsCancellationRequested)
            {
                // The batch ended, one way or another.
            }
        }

        public async ValueTask DisposeAsync()
        {
            // Renewal stops before the results are committed, so a renewal never races the commit that ends the lease.
            await _batch.CancelAsync();
            await _renewing;
            _batch.Dispose();
        }
    }

    private PeriodicTimer RenewalTimer() => new(LeaseDuration / 3, clock);

    /// <summary>Extends the lease on those of the applicants this instance still holds; returns how many.</summary>
    private async Task<int> RenewLeaseAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var until = clock.GetUtcNow() + LeaseDuration;
        return await db.RankingApplicants
            .Where(a => ids.Contains(a.Id) && a.ClaimedBy == InstanceId && !a.Processed)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseExpiresAt, until), cancellationToken);
    }

    /// <summary>Frees whatever part of a lost batch this instance still holds, so any instance can claim it at once.</summary>
    private async Task ReleaseLeaseAsync(Guid jobId, Guid[] ids)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.RankingApplicants
                .Where(a => ids.Contains(a.Id) && a.ClaimedBy == InstanceId && !a.Processed)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseExpiresAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Left alone, the rest of the batch is free again once its lease runs out.
            logger.LogWarning(ex, "Could not free the rest of a lost batch of ranking job {JobId}", jobId);
        }
    }

    private async Task<List<RankingApplicantEntity>> ClaimBatchAsync(MatcherDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.RankingApplicants.FromSql($"""
            SELECT * FROM "RankingApplicants"
            WHERE "JobId" = {jobId} AND NOT "Processed" AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
            ORDER BY "Number"
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        foreach (var applicant in batch)
        {
            if (applicant.ClaimedBy is not null)
                logger.LogInformation("Applicant {Number} of ranking job {JobId}: the lease of {Previous} ran out; {Instance} takes it over",
                    applicant.Number, jobId, applicant.ClaimedBy, InstanceId);
            applicant.ClaimedBy = InstanceId;
            applicant.LeaseExpiresAt = now + LeaseDuration;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    private async Task CommitClaimedAsync(
        MatcherDbContext db, Guid jobId, List<RankingApplicantEntity> batch, IReadOnlyList<ApplicantResult> results, double seconds, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Commits of one job take turns, so each one's count of finished applicants includes the others'.
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "RankingJobs" WHERE "Id" = {jobId} FOR UPDATE""", cancellationToken);
        var ids = batch.Select(a => a.Id).ToArray();
        var stillMine = (await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "RankingApplicants"
            WHERE "Id" = ANY({ids}) AND "ClaimedBy" = {InstanceId} AND NOT "Processed"
            FOR UPDATE
            """).ToListAsync(cancellationToken)).ToHashSet();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!stillMine.Contains(batch[i].Id))
            {
                // Taken over after this lease ran out; the instance that holds it now records it.
                logger.LogWarning("Applicant {Number} of ranking job {JobId} was taken over by another instance; its result here is dropped", batch[i].Number, jobId);
                continue;
            }
            Apply(batch[i], results[i]);
            batch[i].LeaseExpiresAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        await db.RankingJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Done, j => db.RankingApplicants.Count(a => a.JobId == j.Id && a.Processed))
            .SetProperty(j => j.WorkSeconds, j => j.WorkSeconds + seconds), cancellationToken);
        await CompleteIfAllProcessedAsync(db, jobId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task CompleteIfAllProcessedAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await CompleteIfAllProcessedAsync(db, jobId, cancellationToken);
    }

    private async Task CompleteIfAllProcessedAsync(MatcherDbContext db, Guid jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.RankingJobs
            .Where(j => j.Id == jobId && j.Status == RankingJobStatus.Running && !db.RankingApplicants.Any(a => a.JobId == j.Id && !a.Processed))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RankingJobStatus.Completed).SetProperty(j => j.FinishedAt, now), cancellationToken);
    }
}
