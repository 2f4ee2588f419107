using Matcher.Core.Ranking;
using Matcher.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Ranking;

/// <summary>
/// On a shared store, what other instances do to a ranking reaches this instance only through the database: this
/// looks every few seconds at the unfinished jobs and passes each change on to the in-process signal, so open pages
/// show progress made anywhere, and the local worker joins a job queued on another instance, or takes over applicants
/// whose lease ran out when their instance stopped, without waiting for its idle poll. Does nothing on SQLite, where the
/// signal already hears every change. It runs with nobody signed in and reads every owner's jobs on purpose, not
/// through <see cref="Access.AccessScope"/>; it passes on only ids and progress, and pages read the jobs themselves, scoped.
/// </summary>
public sealed class SharedRankingWatcher(
    IDbContextFactory<MatcherDbContext> dbFactory, RankingSignal signal, IOptions<RankingOptions> options, TimeProvider clock, ILogger<SharedRankingWatcher> logger)
    : BackgroundService
{
    private Dictionary<Guid, (RankingJobStatus Status, int Done)> _seen = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsNpgsql())
                return;
        }
        var interval = options.Value.SharedPollInterval > TimeSpan.Zero ? options.Value.SharedPollInterval : TimeSpan.FromSeconds(3);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PollOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not read the rankings' progress from the shared store");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Publishes every unfinished job whose status or progress changed since the last look, and jobs that just finished; returns how many.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var watched = _seen.Keys.ToList();
        var now = clock.GetUtcNow();
        var rows = await db.RankingJobs.AsNoTracking()
            .Where(j => j.Status == RankingJobStatus.Queued || j.Status == RankingJobStatus.Running || watched.Contains(j.Id))
            .Select(j => new
            {
                j.Id, j.Status, j.Done, j.Total, j.WorkSeconds,
                Claimable = j.Status == RankingJobStatus.Running
                    && db.RankingApplicants.Any(a => a.JobId == j.Id && !a.Processed && (a.LeaseExpiresAt == null || a.LeaseExpiresAt < now)),
            })
            .ToListAsync(cancellationToken);
        var changed = 0;
        var next = new Dictionary<Guid, (RankingJobStatus, int)>();
        foreach (var row in rows)
        {
            if (!_seen.TryGetValue(row.Id, out var before) || before != (row.Status, row.Done))
            {
                changed++;
                signal.Publish(new RankingJobProgress(row.Id, row.Status, row.Done, row.Total, row.WorkSeconds));
            }
            // A running job with applicants nobody holds was left by a stopped instance, or is still being shared out.
            if (row.Status == RankingJobStatus.Queued || row.Claimable)
                signal.WorkQueued();
            if (row.Status is RankingJobStatus.Queued or RankingJobStatus.Running)
                next[row.Id] = (row.Status, row.Done);
        }
        _seen = next;
        return changed;
    }
}
