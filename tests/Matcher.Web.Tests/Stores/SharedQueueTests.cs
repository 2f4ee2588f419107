using System.Collections.Concurrent;
using Matcher.Core;
using Matcher.Core.Cvs;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Ranking;
using Matcher.Web.Tests.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Web.Tests.Stores;

/// <summary>Two app instances, each with its own services and clock, working one ranking queue on one PostgreSQL database.</summary>
public sealed class SharedQueueTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private TestStore _store = null!;
    private readonly List<ServiceProvider> _hosts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _store = await TestStore.CreateAsync(StoreKind.PostgreSql, server, Ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        await _store.DisposeAsync();
    }

    /// <summary>
    /// One instance: its own store registration, signal, clock and scorer, as a separate process would have, composed
    /// by the app's own registrations so a runner or watcher dependency added there is exercised here too.
    /// </summary>
    private async Task<Instance> StartInstanceAsync(FakeTimeProvider clock)
    {
        var engine = new ScoringEngine();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{RankingOptions.Section}:{nameof(RankingOptions.LeaseDuration)}"] = Lease.ToString() })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddMatcherStore(_store.Options);
        services.AddMatcherEngine(configuration);
        services.AddSingleton<IMatchEngine>(engine);
        services.AddSingleton<ICurrentUser>(TestUser.Local());
        services.AddMatcherApplication();
        // The tests drive the runner and the watcher by hand; the workers are registered as the app registers them but never started.
        services.AddMatcherWorkers();
        var provider = services.BuildServiceProvider();
        _hosts.Add(provider);
        await provider.MigrateMatcherStoreAsync(Ct);
        return new(provider.GetRequiredService<RankingJobRunner>(), engine, provider.GetRequiredService<IDbContextFactory<MatcherDbContext>>(), clock,
            provider.GetRequiredService<RankingSignal>(), provider.GetRequiredService<SharedRankingWatcher>(), provider.GetRequiredService<Matcher.Data.Files.FileStore>());
    }

    private sealed record Instance(
        RankingJobRunner Runner, ScoringEngine Engine, IDbContextFactory<MatcherDbContext> Db, FakeTimeProvider Clock, RankingSignal Signal, SharedRankingWatcher Watcher,
        Matcher.Data.Files.FileStore Files);

    private static string Email(int n) => $"applicant{n:D3}@example.org";

    private static async Task<Guid> QueueJobAsync(Instance instance, int applicants)
    {
        var text = await File.ReadAllTextAsync(Fixtures.Path("e2e", "amazon-prime-video-mle.txt"), Ct);
        var posting = new PostingReader().ReadText(text);
        var entity = PostingMapping.ToEntity(posting, TestUser.LocalId, text, null, instance.Clock.GetUtcNow());
        await using (var db = await instance.Db.CreateDbContextAsync(Ct))
        {
            db.Postings.Add(entity);
            await db.SaveChangesAsync(Ct);
        }
        var files = Enumerable.Range(1, applicants).Select(n => new ApplicantFile($"applicant-{n:D3}.md", System.Text.Encoding.UTF8.GetBytes($"""
            # Applicant {n}
            {Email(n)}

            ## Experience
            **Machine Learning Engineer**, Example Media · 2018 – 2024
            - Trained recommendation models in Python and deployed them on AWS.
            """))).ToList();
        return await new RankingJobs(instance.Db, TestUser.Local(), new AccessScope(TestUser.Local()), new RankingSignal(), instance.Clock, Microsoft.Extensions.Options.Options.Create(new RankingOptions()), instance.Files).StartAsync(entity.Id, [0], files, blind: false, Ct);
    }

    private static async Task<(RankingJobEntity Job, List<RankingApplicantEntity> Applicants)> ReadAsync(Instance instance, Guid jobId)
    {
        await using var db = await instance.Db.CreateDbContextAsync(Ct);
        var job = await db.RankingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, Ct);
        var applicants = await db.RankingApplicants.AsNoTracking().Where(a => a.JobId == jobId).OrderBy(a => a.Number).ToListAsync(Ct);
        return (job, applicants);
    }

    [Fact]
    public async Task Two_instances_share_a_200_applicant_ranking_and_rank_every_applicant_exactly_once()
    {
        var a = await StartInstanceAsync(TestTime.Clock());
        var b = await StartInstanceAsync(TestTime.Clock());
        var jobId = await QueueJobAsync(a, 200);
        // A holds its first batch until B has scored one of its own, so both are certainly at work on the job at once.
        a.Engine.HoldFirstUntil = b.Engine.FirstScored.Task;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));

        var first = a.Runner.RunNextAsync(deadline.Token);
        await a.Engine.FirstScored.Task.WaitAsync(deadline.Token);
        var second = b.Runner.RunNextAsync(deadline.Token);
        var ran = await Task.WhenAll(first, second);
        Assert.Equal(new[] { true, true }, ran);

        var scored = a.Engine.Scored.Concat(b.Engine.Scored).ToList();
        Assert.Equal(200, scored.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(Email), scored.Order(StringComparer.Ordinal));
        Assert.NotEmpty(a.Engine.Scored);
        Assert.NotEmpty(b.Engine.Scored);

        var (job, applicants) = await ReadAsync(a, jobId);
        Assert.Equal((RankingJobStatus.Completed, 200, 200), (job.Status, job.Done, job.Total));
        Assert.All(applicants, x => Assert.True(x.Processed && x.ReportsJson is not null && x.LeaseExpiresAt is null));
        // What each instance recorded is what it scored.
        Assert.Equal(a.Engine.Scored.Count, applicants.Count(x => x.ClaimedBy == a.Runner.InstanceId));
        Assert.Equal(b.Engine.Scored.Count, applicants.Count(x => x.ClaimedBy == b.Runner.InstanceId));
    }

    [Fact]
    public async Task A_batch_left_by_an_instance_that_died_is_finished_by_another_once_its_lease_runs_out()
    {
        var a = await StartInstanceAsync(TestTime.Clock());
        var b = await StartInstanceAsync(TestTime.Clock());
        var jobId = await QueueJobAsync(a, 20);
        using var death = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        a.Engine.HoldFirstUntil = Task.Delay(Timeout.Infinite, death.Token);

        // A claims the first batch of eight and is stuck scoring it; B ranks everything else.
        var dying = a.Runner.RunNextAsync(death.Token);
        await a.Engine.FirstScored.Task.WaitAsync(Ct);
        Assert.True(await b.Runner.RunNextAsync(Ct));
        var (job, applicants) = await ReadAsync(b, jobId);
        Assert.Equal((RankingJobStatus.Running, 12), (job.Status, job.Done));
        var held = applicants.Where(x => !x.Processed).ToList();
        Assert.Equal(Enumerable.Range(1, 8), held.Select(x => x.Number));
        Assert.All(held, x => Assert.Equal(a.Runner.InstanceId, x.ClaimedBy));

        // A renews its lease once more before it dies, so its batch is held a third of a lease longer than first claimed.
        await AdvanceAsync(Lease / 3, a, b);
        await death.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dying);
        // While A's lease holds, its batch is not B's to take, and B's watcher does not wake B's worker for it.
        b.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.False(await b.Runner.RunNextAsync(Ct));
        await b.Watcher.PollOnceAsync(Ct);
        Assert.False(await b.Signal.WaitForWorkAsync(TimeSpan.Zero, Ct));

        b.Clock.Advance(TimeSpan.FromSeconds(2));
        // Once it runs out, the watcher wakes the worker at its next look rather than leaving it to its idle poll.
        await b.Watcher.PollOnceAsync(Ct);
        Assert.True(await b.Signal.WaitForWorkAsync(TimeSpan.Zero, Ct));
        Assert.True(await b.Runner.RunNextAsync(Ct));

        (job, applicants) = await ReadAsync(b, jobId);
        Assert.Equal((RankingJobStatus.Completed, 20), (job.Status, job.Done));
        Assert.All(applicants, x => Assert.True(x.Processed && x.ClaimedBy == b.Runner.InstanceId));
        Assert.Equal(Enumerable.Range(1, 20).Select(Email), b.Engine.Scored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_that_takes_longer_than_the_lease_stays_with_its_instance_and_every_applicant_is_ranked_once()
    {
        var start = TestTime.November2026;
        var a = await StartInstanceAsync(TestTime.Clock());
        var b = await StartInstanceAsync(TestTime.Clock());
        var jobId = await QueueJobAsync(a, 20);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.Engine.HoldFirstUntil = release.Task;

        var slow = a.Runner.RunNextAsync(Ct);
        await a.Engine.FirstScored.Task.WaitAsync(Ct);
        // A's first batch is still at work twice the lease after A claimed it, renewing as it goes.
        for (var i = 0; i < 6; i++)
            await AdvanceAsync(Lease / 3, a, b);

        // B ranks everything else but leaves A's batch alone.
        Assert.True(await b.Runner.RunNextAsync(Ct));
        var (job, applicants) = await ReadAsync(b, jobId);
        Assert.Equal((RankingJobStatus.Running, 12), (job.Status, job.Done));
        var held = applicants.Where(x => !x.Processed).ToList();
        Assert.Equal(Enumerable.Range(1, 8), held.Select(x => x.Number));
        Assert.All(held, x => Assert.Equal((a.Runner.InstanceId, start + 3 * Lease), (x.ClaimedBy, x.LeaseExpiresAt)));
        Assert.False(await b.Runner.RunNextAsync(Ct));

        release.SetResult();
        Assert.True(await slow);
        (job, applicants) = await ReadAsync(a, jobId);
        Assert.Equal((RankingJobStatus.Completed, 20), (job.Status, job.Done));
        Assert.All(applicants, x => Assert.True(x.Processed && x.ReportsJson is not null && x.LeaseExpiresAt is null));
        Assert.Equal(Enumerable.Range(1, 8), applicants.Where(x => x.ClaimedBy == a.Runner.InstanceId).Select(x => x.Number));
        Assert.Equal(Enumerable.Range(1, 20).Select(Email), a.Engine.Scored.Concat(b.Engine.Scored).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_instance_stalled_past_its_lease_stops_work_on_the_batch_another_took_over_and_records_none_of_it()
    {
        var a = await StartInstanceAsync(TestTime.Clock());
        var b = await StartInstanceAsync(TestTime.Clock());
        var jobId = await QueueJobAsync(a, 20);
        // A's first CV never finishes on its own: only losing the batch ends A's work on it.
        a.Engine.HoldFirstUntil = new TaskCompletionSource().Task;

        var stalled = a.Runner.RunNextAsync(Ct);
        await a.Engine.FirstScored.Task.WaitAsync(Ct);
        // A stands still past its lease (its clock does not move, so it renews nothing); B takes its batch over.
        b.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await b.Runner.RunNextAsync(Ct));
        var (job, applicants) = await ReadAsync(b, jobId);
        Assert.Equal((RankingJobStatus.Completed, 20), (job.Status, job.Done));

        // A's next renewal finds the batch in B's hands: A gives up on it and its worker comes back.
        a.Clock.Advance(Lease / 3);
        Assert.True(await stalled.WaitAsync(TimeSpan.FromMinutes(1), Ct));
        var after = (await ReadAsync(b, jobId)).Applicants;
        Assert.All(after, x => Assert.Equal((true, b.Runner.InstanceId), (x.Processed, x.ClaimedBy)));
        Assert.Equal(applicants.Select(x => (x.Number, x.ProcessedAt, x.ReportsJson)), after.Select(x => (x.Number, x.ProcessedAt, x.ReportsJson)));
        Assert.Equal(Enumerable.Range(1, 20).Select(Email), b.Engine.Scored.Order(StringComparer.Ordinal));
    }

    /// <summary>Moves every instance's clock on by one renewal period and waits until the first instance has renewed its lease.</summary>
    private static async Task AdvanceAsync(TimeSpan by, Instance renewing, params Instance[] others)
    {
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnRenewed(Guid _) => renewed.TrySetResult();
        renewing.Runner.LeaseRenewed += OnRenewed;
        try
        {
            renewing.Clock.Advance(by);
            foreach (var other in others)
                other.Clock.Advance(by);
            // The minute only turns a missing renewal into a failure rather than a hang; nothing here is timed.
            await renewed.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        }
        finally
        {
            renewing.Runner.LeaseRenewed -= OnRenewed;
        }
    }

    [Fact]
    public async Task Progress_made_by_one_instance_reaches_the_pages_of_the_other()
    {
        var a = await StartInstanceAsync(TestTime.Clock());
        var b = await StartInstanceAsync(TestTime.Clock());
        var heardOnB = new ConcurrentQueue<Guid>();
        b.Signal.Changed += heardOnB.Enqueue;
        Assert.Equal(0, await b.Watcher.PollOnceAsync(Ct));

        var jobId = await QueueJobAsync(a, 3);
        Assert.Equal(1, await b.Watcher.PollOnceAsync(Ct));
        Assert.True(await a.Runner.RunNextAsync(Ct));
        Assert.Equal(1, await b.Watcher.PollOnceAsync(Ct));
        // Nothing moved since: nothing to tell.
        Assert.Equal(0, await b.Watcher.PollOnceAsync(Ct));

        Assert.Equal([jobId, jobId], heardOnB);
        Assert.Equal(RankingJobStatus.Completed, (await ReadAsync(b, jobId)).Job.Status);
    }

    /// <summary>Scores by e-mail length and records whom it scored; can hold its first CV until a task completes.</summary>
    private sealed class ScoringEngine : IMatchEngine
    {
        private int _calls;

        public ConcurrentQueue<string> Scored { get; } = new();
        public TaskCompletionSource FirstScored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task? HoldFirstUntil { get; set; }

        public async Task<MatchReport> MatchAsync(CvDocument cv, Posting posting, int positionIndex, CancellationToken cancellationToken = default)
        {
            Scored.Enqueue(cv.Contact.Email ?? "(no e-mail)");
            if (Interlocked.Increment(ref _calls) == 1)
            {
                FirstScored.TrySetResult();
                if (HoldFirstUntil is { } hold)
                    await hold.WaitAsync(cancellationToken);
            }
            return new MatchReport
            {
                Score = cv.Contact.Email?.Length ?? 0, Verdict = "test", PositionIndex = positionIndex, PositionTitle = posting.Positions[positionIndex].Title,
                Summary = new MatchSummary(0, 0, 0, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)), Requirements = [],
                Receipt = new MatchReceipt
                {
                    EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
                    CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
                },
            };
        }
    }
}
