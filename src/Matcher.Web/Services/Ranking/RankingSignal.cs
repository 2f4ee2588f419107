using Matcher.Core.Ranking;

namespace Matcher.Web.Services.Ranking;

/// <summary>Where a job stands after a batch: enough for an open page to move its progress without reading the job.</summary>
public sealed record RankingJobProgress(Guid JobId, RankingJobStatus Status, int Done, int Total, double WorkSeconds);

/// <summary>
/// In-process news about ranking jobs: wakes the worker when a job is queued and tells open pages that a
/// job moved on, so progress shows without polling. The database stays the truth; this only says "look again",
/// and after each batch also how far the job got, so a page moves its progress bar without a read and then
/// fetches only the applicants finished since it last looked.
/// </summary>
public sealed class RankingSignal
{
    private readonly SemaphoreSlim _work = new(0, 1);

    /// <summary>Raised with the job's id after each applicant and on every status change.</summary>
    public event Action<Guid>? Changed;

    /// <summary>Raised after each batch with the job's progress; <see cref="Changed"/> is raised as well.</summary>
    public event Action<RankingJobProgress>? Progressed;

    /// <summary>Raised when a user asks to stop a job, so the running applicant is abandoned at once.</summary>
    public event Action<Guid>? CancelRequested;

    public void WorkQueued()
    {
        if (_work.CurrentCount == 0)
        {
            try { _work.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    /// <summary>True when work was signalled within <paramref name="timeout"/>.</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _work.WaitAsync(timeout, cancellationToken);

    public void Publish(Guid jobId) => Changed?.Invoke(jobId);

    public void Publish(RankingJobProgress progress)
    {
        Progressed?.Invoke(progress);
        Changed?.Invoke(progress.JobId);
    }

    public void RequestCancel(Guid jobId) => CancelRequested?.Invoke(jobId);
}
