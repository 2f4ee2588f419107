using Matcher.Core.Ranking;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Services.Ranking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Security;

/// <summary>A coordinator's rankings and postings stay theirs until they share them with their team, and then only their team sees them.</summary>
public abstract class TeamSharingTests
{
    /// <summary>The app under test: on SQLite one for the whole class, on PostgreSQL one per test on a database of its own.</summary>
    protected WebAppFactory App { get; set; } = null!;

    [Fact]
    public async Task A_ranking_shared_with_the_team_is_visible_to_teammates_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = await App.AddUserAsync($"north-1-{Guid.NewGuid():N}@example.org", Roles.Coordinator);
        var teammate = await App.AddUserAsync($"north-2-{Guid.NewGuid():N}@example.org", Roles.Coordinator);
        var stranger = await App.AddUserAsync($"south-{Guid.NewGuid():N}@example.org", Roles.Coordinator);
        var team = $"north-{Guid.NewGuid():N}";
        await SetTeamAsync(owner.Id, team);
        await SetTeamAsync(teammate.Id, team);
        await SetTeamAsync(stranger.Id, "south");
        var seeded = App.AddSession(owner.Id);
        var jobId = await AddJobAsync(owner.Id, seeded.PostingId);

        await using (var asTeammate = App.ScopeFor(teammate, team, Roles.Coordinator))
            Assert.Null(await asTeammate.ServiceProvider.GetRequiredService<RankingJobs>().GetAsync(jobId, ct));

        await using (var asOwner = App.ScopeFor(owner, team, Roles.Coordinator))
            await asOwner.ServiceProvider.GetRequiredService<RankingJobs>().SetSharedWithTeamAsync(jobId, true, ct);

        await using (var asTeammate = App.ScopeFor(teammate, team, Roles.Coordinator))
        {
            var jobs = asTeammate.ServiceProvider.GetRequiredService<RankingJobs>();
            var view = await jobs.GetAsync(jobId, ct);
            Assert.NotNull(view);
            Assert.False(view.IsMine);
            Assert.Contains(await jobs.ListAsync(ct), j => j.Id == jobId);
        }
        await using (var asStranger = App.ScopeFor(stranger, "south", Roles.Coordinator))
        {
            var jobs = asStranger.ServiceProvider.GetRequiredService<RankingJobs>();
            Assert.Null(await jobs.GetAsync(jobId, ct));
            Assert.DoesNotContain(await jobs.ListAsync(ct), j => j.Id == jobId);
        }
    }

    [Fact]
    public async Task A_posting_shared_with_the_team_is_readable_by_teammates_and_editable_only_by_its_owner()
    {
        var ct = TestContext.Current.CancellationToken;
        var team = $"east-{Guid.NewGuid():N}";
        var owner = await App.AddUserAsync($"east-1-{Guid.NewGuid():N}@example.org", Roles.Coordinator);
        var teammate = await App.AddUserAsync($"east-2-{Guid.NewGuid():N}@example.org", Roles.Coordinator);
        var candidate = await App.AddUserAsync($"cand-{Guid.NewGuid():N}@example.org", Roles.Candidate);
        await SetTeamAsync(owner.Id, team);
        await SetTeamAsync(teammate.Id, team);
        await SetTeamAsync(candidate.Id, team);
        var postingId = App.AddSession(owner.Id).PostingId;

        await using (var asTeammate = App.ScopeFor(teammate, team, Roles.Coordinator))
            Assert.Null(await asTeammate.ServiceProvider.GetRequiredService<Matcher.Web.Services.Postings.PostingLibrary>().GetAsync(postingId, ct));
        await using (var asOwner = App.ScopeFor(owner, team, Roles.Coordinator))
            await asOwner.ServiceProvider.GetRequiredService<Matcher.Web.Services.Postings.PostingLibrary>().SetSharedWithTeamAsync(postingId, true, ct);

        await using (var asTeammate = App.ScopeFor(teammate, team, Roles.Coordinator))
        {
            var library = asTeammate.ServiceProvider.GetRequiredService<Matcher.Web.Services.Postings.PostingLibrary>();
            var detail = await library.GetAsync(postingId, ct);
            Assert.NotNull(detail);
            Assert.False(detail.IsMine);
            Assert.Contains(await asTeammate.ServiceProvider.GetRequiredService<Matcher.Web.Services.Postings.PostingQueries>().ListAsync(ct), p => p.Id == postingId && !p.IsMine);
            await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => library.UpdatePositionAsync(postingId, 0, [], ct));
        }
        // Team sharing is between coordinators: a candidate with the same team name sees nothing.
        await using (var asCandidate = App.ScopeFor(candidate, team, Roles.Candidate))
            Assert.Null(await asCandidate.ServiceProvider.GetRequiredService<Matcher.Web.Services.Postings.PostingLibrary>().GetAsync(postingId, ct));
    }

    private async Task SetTeamAsync(string userId, string team)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatcherDbContext>();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Team, team), TestContext.Current.CancellationToken);
    }

    private async Task<Guid> AddJobAsync(string ownerId, Guid postingId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatcherDbContext>();
        var job = new RankingJobEntity
        {
            Id = Guid.NewGuid(), OwnerId = ownerId, PostingId = postingId, PositionsJson = "[0]",
            Status = RankingJobStatus.Completed, Total = 0, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.RankingJobs.Add(job);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return job.Id;
    }
}

public sealed class TeamSharingOnSqliteTests : TeamSharingTests, IClassFixture<WebAppFactory>
{
    public TeamSharingOnSqliteTests(WebAppFactory app) => App = app;
}

public sealed class TeamSharingOnPostgreSqlTests(PostgresWebApp app) : TeamSharingTests, IClassFixture<PostgresWebApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => App = await app.GetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
