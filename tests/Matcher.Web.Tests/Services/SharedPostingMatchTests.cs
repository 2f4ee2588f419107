using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Matching;
using Matcher.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Services;

/// <summary>A posting a teammate shares sits in the coordinator's library, so Check my fit can match a CV against it.</summary>
public sealed class SharedPostingMatchTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UploadedFile Cv() => new("priya-raman-cv.md", Fixtures.Bytes("e2e", "priya-raman-cv.md"));

    private async Task<Guid> AddPostingAsync(string ownerId, bool shared)
    {
        var text = await File.ReadAllTextAsync(Fixtures.Path("e2e", "staff-engineer-ten-years.txt"), Ct);
        var entity = PostingMapping.ToEntity(new PostingReader().ReadText(text), ownerId, text, "staff.txt", DateTimeOffset.UtcNow);
        entity.SharedWithTeam = shared;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatcherDbContext>();
        db.Postings.Add(entity);
        await db.SaveChangesAsync(Ct);
        return entity.Id;
    }

    private async Task SetTeamAsync(string userId, string team)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatcherDbContext>();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Team, team), Ct);
    }

    [Fact]
    public async Task A_teammates_shared_posting_is_previewed_and_matched_without_a_copy_and_an_unshared_one_is_refused()
    {
        var team = $"west-{Guid.NewGuid():N}";
        var owner = await app.AddUserAsync($"west-1-{Guid.NewGuid():N}@example.org", Roles.Coordinator);
        var teammate = await app.AddUserAsync($"west-2-{Guid.NewGuid():N}@example.org", Roles.Coordinator, Roles.Candidate);
        await SetTeamAsync(owner.Id, team);
        await SetTeamAsync(teammate.Id, team);
        var shared = await AddPostingAsync(owner.Id, shared: true);
        var kept = await AddPostingAsync(owner.Id, shared: false);

        await using var scope = app.ScopeFor(teammate, team, Roles.Coordinator, Roles.Candidate);
        var workflow = scope.ServiceProvider.GetRequiredService<MatchWorkflow>();

        var preview = await workflow.PreviewAsync(new PostingInput(null, null, shared), Ct);
        Assert.Equal(shared, preview.SavedId);
        Assert.False(preview.IsMine);

        var reportId = await workflow.MatchAsync(workflow.ReadCv(Cv(), cancellationToken: TestContext.Current.CancellationToken), new PostingInput(null, null, shared), cancellationToken: Ct);
        await using (var check = scope.ServiceProvider.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContext())
        {
            var report = await check.Reports.SingleAsync(r => r.Id == reportId, Ct);
            Assert.Equal(teammate.Id, report.OwnerId);
            Assert.Equal(shared, report.PostingId);
            Assert.Equal(0, await check.Postings.CountAsync(p => p.OwnerId == teammate.Id, Ct));
        }

        var refused = await Assert.ThrowsAsync<NotFoundException>(() =>
            workflow.MatchAsync(workflow.ReadCv(Cv(), cancellationToken: TestContext.Current.CancellationToken), new PostingInput(null, null, kept), cancellationToken: Ct));
        Assert.Contains("no longer in your library", refused.Message, StringComparison.Ordinal);
    }
}
