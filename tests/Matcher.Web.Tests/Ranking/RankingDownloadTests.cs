using System.Net;
using System.Text.Json;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Matcher.Web.Tests.Ranking;

/// <summary>A ranking of thousands downloads whole, as CSV and XLSX, through the running app.</summary>
public sealed class RankingDownloadTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private const int Applicants = 3_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MatchReport Report(int number) => new()
    {
        Score = number % 100, Verdict = "test", PositionIndex = 0, PositionTitle = "Engineer",
        Summary = new MatchSummary(1, 0, 1, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)),
        Requirements =
        [
            new RequirementResult { Id = "r0", Text = $"Gap of applicant {number}", Kind = RequirementKind.Required, Category = RequirementCategory.Skill, Status = MatchStatus.Missing, Score = 0, Evidence = [], Reason = "" },
        ],
        Receipt = new MatchReceipt
        {
            EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
            CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    private async Task<(HttpClient Client, Guid JobId)> SeedAsync()
    {
        var email = $"coordinator-{Guid.NewGuid():N}@example.org";
        var user = await app.AddUserAsync(email, Roles.Coordinator);
        var text = await File.ReadAllTextAsync(Fixtures.Path("e2e", "amazon-prime-video-mle.txt"), Ct);
        var posting = PostingMapping.ToEntity(new PostingReader().ReadText(text), user.Id, text, null, DateTimeOffset.UtcNow);
        var job = new RankingJobEntity
        {
            Id = Guid.NewGuid(), OwnerId = user.Id, PostingId = posting.Id, PositionsJson = "[0]", Status = RankingJobStatus.Completed,
            Total = Applicants, Done = Applicants, CreatedAt = DateTimeOffset.UtcNow,
        };
        for (var n = 1; n <= Applicants; n++)
            job.Applicants.Add(new RankingApplicantEntity
            {
                Id = Guid.NewGuid(), Number = n, FileName = $"applicant-{n:D4}.md", Name = $"Applicant {n:D4}", Processed = true,
                ReportsJson = JsonSerializer.Serialize(new List<MatchReport?> { Report(n) }, MatcherJson.Options), BestScore = n % 100,
            });
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(Ct))
        {
            db.Postings.Add(posting);
            db.RankingJobs.Add(job);
            await db.SaveChangesAsync(Ct);
        }
        return (await app.SignedInAsync(email), job.Id);
    }

    [Fact]
    public async Task Three_thousand_applicants_download_as_csv_and_xlsx_with_every_row_and_an_audit_entry()
    {
        var (client, jobId) = await SeedAsync();

        using var csv = await client.GetAsync($"/ranking/{jobId}/ranking.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Applicants + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains("Applicant 2999", StringComparison.Ordinal) && l.Contains("Gap of applicant 2999", StringComparison.Ordinal));

        using var xlsx = await client.GetAsync($"/ranking/{jobId}/ranking.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        await using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Applicants, rows.Count);
        Assert.Contains(rows, r => r.Values.Any(v => Equals(v?.ToString(), "Applicant 0001")));

        await using var check = app.Services.CreateAsyncScope();
        await using var audit = await check.ServiceProvider.GetRequiredService<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(2, await audit.AuditLog.CountAsync(a => a.Action == Matcher.Web.Services.Audit.AuditActions.Export && a.Subject!.StartsWith($"/ranking/{jobId}"), Ct));
    }
}
