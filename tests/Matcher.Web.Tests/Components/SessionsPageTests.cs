using System.Text.Json;
using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>The sessions list: who each session is about, its postings and best score, searchable.</summary>
public class SessionsPageTests : MudTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly SqliteStore _store = new();

    public SessionsPageTests()
    {
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<ICurrentUser>(TestUser.Local());
        Services.AddMatcherApplication();
        AddSession("Old title", ("cv-v1.md", "Ana Souza", Start), ("cv-v2.md", null, Start.AddDays(2)), "Data Analyst", 62.4, Start.AddDays(2));
        AddSession("Second session", ("lars.pdf", "Lars Holm", Start), ("lars.pdf", "Lars Holm", Start), "Backend Engineer", 48.9, Start.AddDays(5));
    }

    private void AddSession(string title, (string File, string? Name, DateTimeOffset At) first, (string File, string? Name, DateTimeOffset At) latest,
        string posting, double score, DateTimeOffset updated)
    {
        using var db = _store.CreateDbContext();
        var session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = "local", Title = title, CreatedAt = Start, UpdatedAt = updated };
        var postingRow = new PostingEntity { Id = Guid.NewGuid(), OwnerId = "local", Title = posting, SourceText = posting, FactsJson = "{}", CreatedAt = Start, UpdatedAt = Start };
        db.AddRange(session, postingRow);
        foreach (var (file, name, at) in new[] { first, latest })
        {
            var cv = new CvDocument { Text = "text", Contact = new ContactDetails { Name = name } };
            var cvRow = new CvEntity
            {
                Id = Guid.NewGuid(), OwnerId = "local", SessionId = session.Id, FileName = file, Format = "Markdown", OriginalFile = [1],
                Sha256 = "x", Text = "text", ParsedJson = JsonSerializer.Serialize(cv, MatcherJson.Options), CreatedAt = at,
            };
            db.Add(cvRow);
            db.Add(new ReportEntity
            {
                Id = Guid.NewGuid(), OwnerId = "local", SessionId = session.Id, CvId = cvRow.Id, PostingId = postingRow.Id,
                PositionTitle = posting, Score = at == latest.At ? score : score - 10, ReportJson = "{}", CreatedAt = at,
            });
        }
        db.SaveChanges();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    [Fact]
    public void Names_the_candidate_from_the_latest_cv_or_its_file_name_with_postings_and_best_score()
    {
        var cut = Render<Sessions>();

        cut.WaitForElement("[data-testid=session-candidate]");
        Assert.Equal(["Lars Holm", "cv-v2.md"], cut.FindAll("[data-testid=session-candidate]").Select(e => e.TextContent));
        Assert.Equal(["Backend Engineer", "Data Analyst"], cut.FindAll("[data-testid=session-postings]").Select(e => e.TextContent));
        Assert.Equal(["49", "62"], cut.FindAll("[data-testid=session-best]").Select(e => e.TextContent));
    }

    [Fact]
    public void Search_finds_sessions_by_posting_and_sorting_by_best_score_reorders_them()
    {
        var cut = Render<Sessions>();
        cut.WaitForElement("[data-testid=session-candidate]");

        cut.Find("input[data-testid=sessions-search]").Input("analyst");
        Assert.Equal(["cv-v2.md"], cut.FindAll("[data-testid=session-candidate]").Select(e => e.TextContent));

        cut.Find("input[data-testid=sessions-search]").Input("");
        cut.FindAll(".mud-table-sort-label").First(e => e.TextContent.Contains("Best score", StringComparison.Ordinal)).Click();
        Assert.Equal(["49", "62"], cut.FindAll("[data-testid=session-best]").Select(e => e.TextContent));
        cut.FindAll(".mud-table-sort-label").First(e => e.TextContent.Contains("Best score", StringComparison.Ordinal)).Click();
        Assert.Equal(["62", "49"], cut.FindAll("[data-testid=session-best]").Select(e => e.TextContent));
    }
}
