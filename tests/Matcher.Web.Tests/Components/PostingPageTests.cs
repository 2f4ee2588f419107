using Bunit;
using Matcher.Core;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Data;
using Matcher.Data.Mapping;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Postings;
using Matcher.Web.Tests.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

/// <summary>The posting page shows what the reader left out of the score, and its owner can put a line back in.</summary>
public class PostingPageTests : MudTestContext
{
    private readonly SqliteStore _store = new();
    // The owner who imports; a test may switch to a coordinator of the owner's team reading a shared posting.
    private readonly TestUser _user = TestUser.Local();

    public PostingPageTests()
    {
        Services.AddSingleton<IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<TimeProvider>(TestTime.Clock());
        Services.AddMatcherEngine(new ConfigurationBuilder().Build());
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddMatcherApplication();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private Task<Guid> ImportAsync(params string[] fixture) =>
        Services.GetRequiredService<PostingLibrary>().ImportFileAsync(new UploadedFile(fixture[^1], Fixtures.Bytes(fixture)), Ct);

    private IRenderedComponent<PostingPage> RenderPage(Guid id)
    {
        Render<MudPopoverProvider>();
        var cut = Render<PostingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=not-scored], [data-testid=not-scored-empty]");
        return cut;
    }

    private static void Expand(IRenderedComponent<PostingPage> cut, string panel) =>
        cut.Find($"[data-testid={panel}] .mud-expand-panel-header").Click();

    private static IReadOnlyList<string> LineTexts(IRenderedComponent<PostingPage> cut, string panel) =>
        cut.FindAll($"[data-testid={panel}] [data-testid=not-scored-line] .not-scored-text").Select(e => e.TextContent).ToList();

    private async Task<Posting> StoredAsync(Guid id)
    {
        await using var db = _store.CreateDbContext();
        return PostingMapping.ToPosting(await db.Postings.Include(p => p.Positions).ThenInclude(p => p.Requirements).SingleAsync(p => p.Id == id, Ct));
    }

    [Fact]
    public async Task Lines_not_scored_and_conditions_sit_in_collapsed_panels_with_their_counts_and_reasons()
    {
        var id = await ImportAsync("postings", "shapes", "boilerplate-among-requirements.txt");
        var stored = await StoredAsync(id);
        var others = stored.NotScored.Count(l => !l.IsCondition);

        var cut = RenderPage(id);

        Assert.Equal($"Not scored ({others})", cut.Find("[data-testid=not-scored-panel] .mud-expand-panel-header").TextContent.Trim());
        Assert.Equal("Conditions of the job (2)", cut.Find("[data-testid=conditions-panel] .mud-expand-panel-header").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=not-scored] .mud-panel-expanded"));

        Expand(cut, "not-scored-panel");
        Expand(cut, "conditions-panel");
        Assert.Equal(2, cut.FindAll("[data-testid=not-scored] .mud-panel-expanded").Count);

        var benefits = cut.FindAll("[data-testid=not-scored-panel] [data-testid=not-scored-line]").Single(l => l.TextContent.Contains("401(k)", StringComparison.Ordinal));
        Assert.Equal("benefits", benefits.QuerySelector("[data-testid=not-scored-reason]")!.TextContent.Trim());
        var visa = cut.FindAll("[data-testid=not-scored-panel] [data-testid=not-scored-line]").Single(l => l.TextContent.Contains("visa sponsorship", StringComparison.Ordinal));
        Assert.Equal("work authorisation", visa.QuerySelector("[data-testid=not-scored-reason]")!.TextContent.Trim());
        Assert.Equal(others, LineTexts(cut, "not-scored-panel").Count);
        var conditions = cut.FindAll("[data-testid=conditions-panel] [data-testid=not-scored-reason]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["physical demands", "schedule"], conditions);
    }

    [Fact]
    public async Task Scoring_a_condition_line_makes_it_a_requirement_that_matching_reads()
    {
        var id = await ImportAsync("postings", "shapes", "boilerplate-among-requirements.txt");
        var before = await StoredAsync(id);
        var lift = Assert.Single(before.NotScored, l => l.Reason == NotScoredReason.PhysicalDemands).Text;
        var cut = RenderPage(id);
        Expand(cut, "conditions-panel");

        cut.FindAll("[data-testid=conditions-panel] [data-testid=not-scored-line]").Single(l => l.TextContent.Contains(lift, StringComparison.Ordinal))
            .QuerySelector("[data-testid=score-line]")!.Click();
        cut.Find("[data-testid=score-line-save]").Click();

        cut.WaitForElement("[data-testid=line-scored]");
        var after = await StoredAsync(id);
        var added = after.Positions[0].Requirements[^1];
        Assert.Equal((lift, RequirementKind.Required), (added.Text, added.Kind));
        Assert.Equal($"r{before.Positions[0].Requirements.Count + 1}", added.Id);
        Assert.DoesNotContain(after.NotScored, l => l.Text == lift);
        Assert.Contains(lift, cut.FindAll("[data-testid=posting-requirement]").Select(e => e.TextContent));
        Assert.Equal("Conditions of the job (1)", cut.Find("[data-testid=conditions-panel] .mud-expand-panel-header").TextContent.Trim());
    }

    [Fact]
    public async Task A_line_can_be_scored_as_a_preferred_qualification_or_a_responsibility()
    {
        var id = await ImportAsync("postings", "shapes", "boilerplate-among-requirements.txt");
        var before = await StoredAsync(id);
        var schedule = Assert.Single(before.NotScored, l => l.Reason == NotScoredReason.Schedule).Text;
        var sponsor = Assert.Single(before.NotScored, l => l.Reason == NotScoredReason.CompanyCommitment).Text;
        var cut = RenderPage(id);
        Expand(cut, "conditions-panel");
        Expand(cut, "not-scored-panel");

        ScoreAs(cut, schedule, LineUse.Responsibility);
        cut.WaitForElement("[data-testid=line-scored]");
        ScoreAs(cut, sponsor, LineUse.Preferred);
        cut.WaitForAssertion(() => Assert.Contains("preferred", cut.Find("[data-testid=line-scored]").TextContent, StringComparison.Ordinal));

        var after = await StoredAsync(id);
        Assert.Equal(schedule, after.Positions[0].Responsibilities[^1]);
        Assert.Equal(before.Positions[0].Requirements.Count + 1, after.Positions[0].Requirements.Count);
        Assert.Equal((sponsor, RequirementKind.Preferred), (after.Positions[0].Requirements[^1].Text, after.Positions[0].Requirements[^1].Kind));
        Assert.Contains(schedule, cut.Find("[data-testid=responsibilities]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoring_a_line_keeps_requirement_edits_that_are_not_saved_yet_and_saving_keeps_both()
    {
        var id = await ImportAsync("postings", "shapes", "boilerplate-among-requirements.txt");
        var before = await StoredAsync(id);
        var lift = Assert.Single(before.NotScored, l => l.Reason == NotScoredReason.PhysicalDemands).Text;
        var cut = RenderPage(id);

        cut.Find("button[aria-label='Edit requirement 1']").Click();
        cut.Find("tr[data-testid=requirement-edit-row] textarea").Input("Three years of Scala in production");
        cut.Find("[data-testid=requirement-done]").Click();
        Expand(cut, "conditions-panel");
        ScoreAs(cut, lift, LineUse.Required);
        cut.WaitForElement("[data-testid=line-scored]");

        var shown = cut.FindAll("[data-testid=posting-requirement]").Select(e => e.TextContent).ToList();
        Assert.Equal("Three years of Scala in production", shown[0]);
        Assert.Equal(lift, shown[^1]);
        Assert.Equal(before.Positions[0].Requirements.Count + 1, shown.Count);
        Assert.Contains("Unsaved changes", cut.Find("[data-testid=requirement-editor]").Parent!.TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=save-requirements]").Click();
        cut.WaitForElement("[data-testid=requirements-saved]");
        var after = await StoredAsync(id);
        Assert.Equal("Three years of Scala in production", after.Positions[0].Requirements[0].Text);
        Assert.Equal(lift, after.Positions[0].Requirements[^1].Text);
        Assert.Equal(before.Positions[0].Requirements.Count + 1, after.Positions[0].Requirements.Count);
    }

    private static void ScoreAs(IRenderedComponent<PostingPage> cut, string text, LineUse use)
    {
        cut.FindAll("[data-testid=not-scored-line]").Single(l => l.TextContent.Contains(text, StringComparison.Ordinal))
            .QuerySelector("[data-testid=score-line]")!.Click();
        cut.InvokeAsync(() => cut.FindComponent<MudRadioGroup<LineUse>>().Instance.ValueChanged.InvokeAsync(use));
        // The choice reaches the form through the renderer without the test waiting for it, so the save button is
        // looked for until the form shows it rather than at once (it was missing once on a busy machine).
        cut.WaitForElement("[data-testid=score-line-save]").Click();
    }

    [Fact]
    public async Task A_line_already_scored_elsewhere_gives_a_message_instead_of_a_second_copy()
    {
        var id = await ImportAsync("postings", "shapes", "boilerplate-among-requirements.txt");
        var lift = Assert.Single((await StoredAsync(id)).NotScored, l => l.Reason == NotScoredReason.PhysicalDemands).Text;
        var cut = RenderPage(id);
        Expand(cut, "conditions-panel");
        await Services.GetRequiredService<PostingLibrary>().ScoreLineAsync(id, lift, 0, LineUse.Required, Ct);

        cut.FindAll("[data-testid=not-scored-line]").Single(l => l.TextContent.Contains(lift, StringComparison.Ordinal))
            .QuerySelector("[data-testid=score-line]")!.Click();
        cut.Find("[data-testid=score-line-save]").Click();

        cut.WaitForElement("[data-testid=score-line-error]");
        Assert.Contains("no longer among the lines not scored", cut.Find("[data-testid=score-line-error]").TextContent, StringComparison.Ordinal);
        Assert.Single((await StoredAsync(id)).Positions[0].Requirements, r => r.Text == lift);
    }

    [Fact]
    public async Task A_teammate_sees_the_lines_not_scored_but_cannot_score_them()
    {
        var id = await ImportAsync("postings", "shapes", "boilerplate-among-requirements.txt");
        await using (var db = _store.CreateDbContext())
        {
            db.Users.Add(new Matcher.Data.Entities.MatcherUser { Id = "someone-else", UserName = "owner@example.org", Team = "north" });
            await db.SaveChangesAsync(Ct);
            await db.Postings.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.OwnerId, "someone-else").SetProperty(p => p.SharedWithTeam, true), Ct);
        }
        _user.SignInAs(TestUser.Coordinator("teammate", team: "north"));

        var cut = RenderPage(id);
        Expand(cut, "not-scored-panel");

        Assert.NotEmpty(LineTexts(cut, "not-scored-panel"));
        Assert.Empty(cut.FindAll("[data-testid=score-line]"));
    }

    [Fact]
    public async Task A_posting_with_every_line_scored_says_so()
    {
        var id = await Services.GetRequiredService<PostingLibrary>().ImportTextAsync(
            "Data Analyst\n\nRequirements\n- 2+ years of SQL\n- Experience with dashboards\n", Ct);

        var cut = RenderPage(id);

        Assert.Contains("No lines of this posting were set aside", cut.Find("[data-testid=not-scored-empty]").TextContent, StringComparison.Ordinal);
    }
}
