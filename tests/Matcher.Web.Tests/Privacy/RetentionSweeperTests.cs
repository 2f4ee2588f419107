using Matcher.Data.Files;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Matcher.Web.Tests.Privacy.PrivacyScenario;

namespace Matcher.Web.Tests.Privacy;

/// <summary>The retention sweep deletes what is older than the period and nothing newer.</summary>
public sealed class RetentionSweeperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<PrivacyHost> StartAsync(int days) =>
        PrivacyHost.StartAsync(new Dictionary<string, string?> { ["Matcher:Privacy:RetentionDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static async Task<(Guid Session, Guid Report)> CheckFitAsync(PrivacyHost host, TestPerson person, string folder, string cv, string posting)
    {
        host.SignIn(person);
        var workflow = host.Get<MatchWorkflow>();
        var draft = workflow.ReadCv(new UploadedFile(cv, Fixtures.Bytes(folder, cv)));
        var reportId = await workflow.MatchAsync(draft, new PostingInput(await File.ReadAllTextAsync(Fixtures.Path(folder, posting), Ct), null), cancellationToken: Ct);
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        var sessionId = await db.Reports.Where(r => r.Id == reportId).Select(r => r.SessionId).SingleAsync(Ct);
        await host.Get<SessionNotes>().SaveAsync(sessionId, $"Note by {person.DisplayName}", Ct);
        return (sessionId, reportId);
    }

    [Fact]
    public async Task Cvs_older_than_the_period_go_with_their_reports_notes_and_sessions_and_newer_ones_stay()
    {
        await using var host = await StartAsync(days: 30);
        var (oldSession, _) = await CheckFitAsync(host, Alice, "privacy", AliceCvFile, "ranger-posting.md");
        host.Clock.Advance(TimeSpan.FromDays(20));
        var (newSession, newReport) = await CheckFitAsync(host, Bob, "matching", BobCvFile, "posting-icu-nurse.md");

        host.Clock.Advance(TimeSpan.FromDays(15));
        var counts = await host.Get<RetentionSweeper>().SweepAsync(Ct);

        Assert.Equal((1, 1, 1), (counts.Cvs, counts.Reports, counts.Sessions));
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        Assert.False(await db.Sessions.AnyAsync(s => s.Id == oldSession, Ct));
        Assert.Equal(BobCvFile, (await db.Cvs.SingleAsync(Ct)).FileName);
        Assert.Equal(newReport, (await db.Reports.SingleAsync(Ct)).Id);
        Assert.Equal(newSession, (await db.Notes.SingleAsync(Ct)).SessionId);
        Assert.DoesNotContain(await db.Embeddings.Select(e => e.CreatedAt).ToListAsync(Ct), at => at < host.Clock.GetUtcNow().AddDays(-30));
        var entry = await db.AuditLog.SingleAsync(Ct);
        Assert.Equal(AuditActions.RetentionDeletion, entry.Action);
        Assert.Null(entry.ActorId);
        Assert.StartsWith("cvs=1 reports=1 sessions=1 applicants=0", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Quokkason", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranking_applicants_older_than_the_period_are_deleted_and_younger_ones_are_not()
    {
        await using var host = await StartAsync(days: 30);
        var scenario = new PrivacyScenario(host);
        await scenario.SeedAsync();
        await using (var db = await host.Db.CreateDbContextAsync(Ct))
            Assert.Equal(1, await db.RankingApplicants.CountAsync(Ct));

        host.Clock.Advance(TimeSpan.FromDays(29));
        Assert.False((await host.Get<RetentionSweeper>().SweepAsync(Ct)).Any);
        host.Clock.Advance(TimeSpan.FromDays(2));
        var counts = await host.Get<RetentionSweeper>().SweepAsync(Ct);

        // Bob's ranking of the same age had no applicants left to show, so it went too.
        Assert.Equal((1, 2), (counts.Applicants, counts.RankingJobs));
        await using var after = await host.Db.CreateDbContextAsync(Ct);
        Assert.Empty(await after.RankingApplicants.ToListAsync(Ct));
        Assert.False(await after.RankingJobs.AnyAsync(j => j.Id == scenario.AliceJobId, Ct));
    }

    [Fact]
    public async Task A_retention_of_zero_days_keeps_everything_forever()
    {
        await using var host = await StartAsync(days: 0);
        await CheckFitAsync(host, Alice, "privacy", AliceCvFile, "ranger-posting.md");

        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddYears(10));
        var counts = await host.Get<RetentionSweeper>().SweepAsync(Ct);

        Assert.False(counts.Any);
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.Cvs.CountAsync(Ct));
        Assert.Empty(await db.AuditLog.ToListAsync(Ct));
    }

    [Fact]
    public async Task The_background_worker_sweeps_as_soon_as_the_app_starts()
    {
        await using var host = await StartAsync(days: 30);
        await CheckFitAsync(host, Alice, "privacy", AliceCvFile, "ranger-posting.md");
        host.Clock.Advance(TimeSpan.FromDays(31));
        var worker = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RetentionWorker>().Single();

        await worker.StartAsync(Ct);
        try
        {
            await using var db = await host.Db.CreateDbContextAsync(Ct);
            // Bounded wait for the first sweep, which runs in the background right after start.
            for (var i = 0; i < 100 && !await db.AuditLog.AnyAsync(a => a.Action == AuditActions.RetentionDeletion, Ct); i++)
                await Task.Delay(100, Ct);
            Assert.Equal(0, await db.Cvs.CountAsync(Ct));
        }
        finally
        {
            await worker.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task With_retention_off_the_worker_still_removes_files_no_row_has_used_for_a_day_and_keeps_the_rest()
    {
        await using var host = await StartAsync(days: 0);
        await CheckFitAsync(host, Alice, "privacy", AliceCvFile, "ranger-posting.md");
        var files = host.Services.GetRequiredService<FileStore>();
        var used = files.PathOf(FileStore.KeyOf(Fixtures.Bytes("privacy", AliceCvFile)));
        var unused = files.PathOf(await files.SaveAsync(Fixtures.Bytes("eval", "cvs", "aaron-blake.md"), Ct));
        var recent = files.PathOf(await files.SaveAsync(Fixtures.Bytes("eval", "cvs", "ahmed-karim.md"), Ct));
        var twoDaysAgo = DateTime.UtcNow.AddDays(-2);
        File.SetLastWriteTimeUtc(used, twoDaysAgo);
        File.SetLastWriteTimeUtc(unused, twoDaysAgo);
        var worker = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<RetentionWorker>().Single();

        await worker.StartAsync(Ct);
        try
        {
            // Bounded wait for the first pass, which runs in the background right after start.
            for (var i = 0; i < 100 && File.Exists(unused); i++)
                await Task.Delay(100, Ct);
            Assert.False(File.Exists(unused));
        }
        finally
        {
            await worker.StopAsync(Ct);
        }
        // The CV a session still holds, and a file written within the day (perhaps a list not yet started), stay.
        Assert.True(File.Exists(used));
        Assert.True(File.Exists(recent));
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.Cvs.CountAsync(Ct));
    }
}
