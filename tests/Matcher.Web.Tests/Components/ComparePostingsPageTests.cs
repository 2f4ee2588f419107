using System.Text.Json;
using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Tests.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>Comparing postings: a posting is never compared with itself.</summary>
public class ComparePostingsPageTests : MudTestContext
{
    private readonly SqliteStore _store = new();
    private readonly Guid _session = Guid.NewGuid();
    private readonly Guid _cv = Guid.NewGuid();

    public ComparePostingsPageTests()
    {
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<ICurrentUser>(TestUser.Local());
        Services.AddMatcherApplication();
        using var db = _store.CreateDbContext();
        db.Add(new MatchSessionEntity { Id = _session, OwnerId = TestUser.LocalId, Title = "Session", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch });
        db.Add(new CvEntity
        {
            Id = _cv, OwnerId = TestUser.LocalId, SessionId = _session, FileName = "cv.md", Format = "Markdown", OriginalFile = [1], Sha256 = "x", Text = "text",
            ParsedJson = JsonSerializer.Serialize(new CvDocument { Text = "text" }, MatcherJson.Options), CreatedAt = DateTimeOffset.UnixEpoch,
        });
        db.SaveChanges();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private Guid AddPosting(string title)
    {
        using var db = _store.CreateDbContext();
        var id = Guid.NewGuid();
        db.Add(new PostingEntity { Id = id, OwnerId = TestUser.LocalId, Title = title, SourceText = title, FactsJson = "{}", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch });
        db.SaveChanges();
        return id;
    }

    private Guid AddReport(Guid posting, double score)
    {
        var report = new MatchReport
        {
            Score = score, Verdict = "test", PositionIndex = 0, PositionTitle = "Analyst",
            Summary = new MatchSummary(0, 0, 0, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)), Requirements = [],
            Receipt = new MatchReceipt
            {
                EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
                CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
            },
        };
        using var db = _store.CreateDbContext();
        var id = Guid.NewGuid();
        db.Add(new ReportEntity
        {
            Id = id, OwnerId = TestUser.LocalId, SessionId = _session, CvId = _cv, PostingId = posting, PositionTitle = "Analyst", Score = score,
            ReportJson = JsonSerializer.Serialize(report, MatcherJson.Options), CreatedAt = DateTimeOffset.UnixEpoch,
        });
        db.SaveChanges();
        return id;
    }

    private IRenderedComponent<ComparePostings> Open(params Guid[] reports)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/compare-postings?" + string.Join("&", reports.Select(r => $"report={r}")));
        return Render<ComparePostings>();
    }

    [Fact]
    public void Two_reports_of_the_same_posting_are_not_compared()
    {
        var posting = AddPosting("Data Analyst");

        var cut = Open(AddReport(posting, 60), AddReport(posting, 62));

        cut.WaitForElement("[data-testid=same-posting]");
        Assert.Contains("Nothing to compare", cut.Find("h1").TextContent, StringComparison.Ordinal);
        Assert.Contains("not compared with itself", cut.Find("[data-testid=same-posting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_postings_are_compared()
    {
        var cut = Open(AddReport(AddPosting("Data Analyst"), 60), AddReport(AddPosting("Web Developer"), 40));

        cut.WaitForAssertion(() => Assert.Contains("against 2 postings", cut.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=same-posting]"));
    }
}
