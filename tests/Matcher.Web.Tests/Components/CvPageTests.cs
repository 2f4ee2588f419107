using System.Text.Json;
using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Cvs;
using Matcher.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>The CV page opened from a quote on a report: the CV's own text with the quoted line marked.</summary>
public class CvPageTests : MudTestContext
{
    private const string Text = "Priya Raman\nSkills: Python, SQL\n- Led code reviews and introduced coding standards.\nProjects\n- Led code reviews and introduced coding standards.\n";
    private readonly SqliteStore _store = new();
    private readonly Guid _cvId = Guid.NewGuid();

    public CvPageTests()
    {
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<ICurrentUser>(TestUser.Local());
        Services.AddSingleton<TimeProvider>(TestTime.Clock());
        Services.AddMatcherApplication();
        Services.AddLogging();
        using var db = _store.CreateDbContext();
        var cv = new CvDocument { Text = Text, Contact = new ContactDetails { Name = "Priya Raman" } };
        db.Add(new CvEntity
        {
            Id = _cvId, OwnerId = TestUser.LocalId, FileName = "priya.md", Format = "Markdown", OriginalFile = [1],
            Sha256 = "x", Text = Text, ParsedJson = JsonSerializer.Serialize(cv, MatcherJson.Options), CreatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private IRenderedComponent<CvPage> Open(string query)
    {
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/cvs/{_cvId}?{query}");
        return Render<CvPage>(p => p.Add(x => x.Id, _cvId));
    }

    [Fact]
    public void A_quote_from_a_report_is_marked_in_the_cvs_own_text()
    {
        var cut = Open($"quote={Uri.EscapeDataString("Led code reviews and introduced coding standards")}");

        var mark = cut.WaitForElement("mark#cv-highlight");
        Assert.Equal("Led code reviews and introduced coding standards", mark.TextContent);
        Assert.Equal(Text, cut.Find("pre.cv-text").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=quote-not-found]"));
    }

    [Fact]
    public void Where_the_report_recorded_the_quotes_place_that_occurrence_is_marked()
    {
        var second = Text.LastIndexOf("Led code reviews", StringComparison.Ordinal);

        var cut = Open($"quote={Uri.EscapeDataString("Led code reviews and introduced coding standards")}&at={second}&length=48");

        cut.WaitForElement("mark#cv-highlight");
        var mark = Assert.Single(cut.FindAll("mark"));
        var before = string.Concat(cut.Find("pre.cv-text").ChildNodes.TakeWhile(n => n != mark).Select(n => n.TextContent));
        Assert.Equal(Text[..second], before);
        Assert.Equal("Led code reviews and introduced coding standards", mark.TextContent);
    }

    [Fact]
    public void Corrections_to_a_cv_deleted_since_the_page_opened_are_refused_in_the_pages_status_line()
    {
        var cut = Open("");
        cut.WaitForElement("[data-testid=save-cv]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Corrections saved.", cut.Find("[data-testid=save-status]").TextContent.Trim()));

        using (var db = _store.CreateDbContext())
        {
            db.Cvs.Remove(db.Cvs.Single(c => c.Id == _cvId));
            db.SaveChanges();
        }
        cut.Find("[data-testid=save-cv]").Click();

        cut.WaitForAssertion(() => Assert.Equal("That CV no longer exists, so the corrections could not be saved.",
            cut.Find("[data-testid=save-status]").TextContent.Trim()));
    }
}
