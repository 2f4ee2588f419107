using System.Text;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Files;
using Matcher.Data.Mapping;
using Matcher.EndToEnd.Tests.Infrastructure;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Ranking;
using Matcher.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Matcher.EndToEnd.Tests.OwnApp;

/// <summary>
/// Two real app processes on one PostgreSQL database share a ranking; one is killed while it holds part of it, and the
/// other finishes the ranking once that part's lease runs out.
/// </summary>
public sealed class TwoInstancesTests(PostgresServer server) : IAsyncLifetime
{
    private const int Applicants = 48;
    private static readonly TestUser Coordinator = TestUser.Coordinator("coordinator");
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-two-instances-").FullName;
    private readonly List<AppProcess> _apps = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
            await app.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string SharedFiles => Path.Combine(_folder, "files");

    private async Task<AppProcess> StartAsync(string name, string connection)
    {
        var app = await AppProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_folder, name)).FullName, Ct, new Dictionary<string, string>
        {
            ["Matcher__Store__Provider"] = "PostgreSQL",
            ["Matcher__Store__ConnectionString"] = connection,
            // Short, so the test waits seconds for the takeover; still longer than a batch of short CVs takes.
            ["Matcher__Ranking__LeaseDuration"] = "00:00:10",
            ["Matcher__Ranking__SharedPollInterval"] = "00:00:01",
            // Instances on one database share one file store, as the README asks.
            ["Matcher__Files__Folder"] = SharedFiles,
            ["Logging__LogLevel__Matcher.Web.Services.Ranking"] = "Information",
        });
        _apps.Add(app);
        return app;
    }

    [Fact]
    public async Task A_ranking_shared_by_two_processes_is_finished_by_one_when_the_other_is_killed_mid_job()
    {
        var connection = await server.CreateDatabaseAsync(Ct);
        var a = await StartAsync("a", connection);
        var b = await StartAsync("b", connection);
        await using var store = Store(connection);
        var factory = store.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
        var jobId = await QueueAsync(store);
        var ofA = $"/{a.ProcessId}/";
        var ofB = $"/{b.ProcessId}/";

        // Kill A the moment it holds applicants it has not recorded yet.
        List<int> held = [];
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            deadline.CancelAfter(TimeSpan.FromMinutes(3));
            while (held.Count == 0)
            {
                await Task.Delay(20, deadline.Token);
                await using var db = await factory.CreateDbContextAsync(deadline.Token);
                held = await db.RankingApplicants.Where(x => x.JobId == jobId && !x.Processed && x.ClaimedBy!.Contains(ofA))
                    .Select(x => x.Number).ToListAsync(deadline.Token);
                if (held.Count == 0 && await db.RankingJobs.AnyAsync(j => j.Id == jobId && j.Status == RankingJobStatus.Completed, deadline.Token))
                    Assert.Fail($"The ranking finished before A took part in it.\nA:\n{a.Output}\nB:\n{b.Output}");
            }
        }
        await a.KillAsync();
        // A may have committed that batch in the moment before it died; what it holds now it holds for good.
        await using (var db = await factory.CreateDbContextAsync(Ct))
            held = await db.RankingApplicants.Where(x => x.JobId == jobId && !x.Processed && x.ClaimedBy!.Contains(ofA))
                .Select(x => x.Number).ToListAsync(Ct);
        Assert.True(held.Count > 0, "A recorded its batch in the moment before it was killed; nothing was left to take over.");

        RankingJobEntity job;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            deadline.CancelAfter(TimeSpan.FromMinutes(3));
            while (true)
            {
                await using var db = await factory.CreateDbContextAsync(deadline.Token);
                job = await db.RankingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, deadline.Token);
                if (job.Status != RankingJobStatus.Running && job.Status != RankingJobStatus.Queued)
                    break;
                await Task.Delay(250, deadline.Token);
            }
        }

        Assert.Equal((RankingJobStatus.Completed, Applicants, Applicants), (job.Status, job.Done, job.Total));
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var rows = await db.RankingApplicants.AsNoTracking().Where(x => x.JobId == jobId).OrderBy(x => x.Number).ToListAsync(Ct);
            Assert.Equal(Enumerable.Range(1, Applicants), rows.Select(x => x.Number));
            Assert.All(rows, x => Assert.True(x.Processed && x.Error is null && x.BestScore is not null && x.LeaseExpiresAt is null,
                $"Applicant {x.Number}: processed {x.Processed}, error {x.Error}, score {x.BestScore}, lease {x.LeaseExpiresAt}"));
            Assert.All(rows, x => Assert.True(x.ClaimedBy!.Contains(ofA) || x.ClaimedBy.Contains(ofB), x.ClaimedBy));
            // What A held when it died, B took over and recorded.
            Assert.All(rows.Where(x => held.Contains(x.Number)), x => Assert.Contains(ofB, x.ClaimedBy, StringComparison.Ordinal));
        }
        foreach (var number in held)
            Assert.Contains($"Applicant {number} of ranking job {jobId}: the lease of", b.Output, StringComparison.Ordinal);
        // Nobody scored an applicant another had already recorded.
        Assert.DoesNotContain("its result here is dropped", b.Output, StringComparison.Ordinal);
    }

    private async Task<Guid> QueueAsync(ServiceProvider store)
    {
        var factory = store.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
        var text = await File.ReadAllTextAsync(RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"), Ct);
        var entity = PostingMapping.ToEntity(new PostingReader().ReadText(text), Coordinator.Id, text, null, DateTimeOffset.UtcNow);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.Postings.Add(entity);
            await db.SaveChangesAsync(Ct);
        }
        var files = Enumerable.Range(1, Applicants).Select(n => new ApplicantFile($"applicant-{n:D2}.md", Encoding.UTF8.GetBytes($"""
            # Applicant {n}
            applicant{n:D2}@example.org

            ## Experience
            **Machine Learning Engineer**, Example Media · {2010 + n % 10} – 2024
            - Trained recommendation models in Python and deployed them on AWS.
            - Built data pipelines for {n} streaming products.
            """))).ToList();
        // Queued through the store alone: the instances hear of it from the database, as of a ranking started elsewhere.
        var jobs = new RankingJobs(factory, Coordinator, new AccessScope(Coordinator), new RankingSignal(), TimeProvider.System, Options.Create(new RankingOptions()), new FileStore(SharedFiles));
        return await jobs.StartAsync(entity.Id, [0], files, blind: false, Ct);
    }

    private static ServiceProvider Store(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddMatcherStore(new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = connection });
        return services.BuildServiceProvider();
    }}
