using Bunit;
using Matcher.Web.Components;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Postings;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Tests.Services;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>The CV step of Check my fit: read at once, summarised, or refused with the reader's message.</summary>
public class CheckFitTests : MudTestContext
{
    private readonly SqliteStore _store = new();

    public CheckFitTests()
    {
        // Reading a CV never touches the store; the page lists the (empty) posting library from it.
        Services.AddCheckFit(_store, new HashingEmbedder());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private static InputFileContent Fixture(params string[] parts) =>
        InputFileContent.CreateFromBinary(File.ReadAllBytes(Path.Combine(["fixtures", .. parts])), parts[^1]);

    [Fact]
    public void A_200_kb_paste_fits_the_posting_box_and_is_taken_as_the_posting()
    {
        var cut = Render<CheckFit>();
        var box = cut.Find("textarea[data-testid=posting-text]");
        var pasted = string.Concat(Enumerable.Repeat("Requirements: 3+ years of Python and SQL; “clean code”.\n", 200_000 / 56 + 1))[..200_000];

        Assert.Equal(InputLimits.MaxPastedChars.ToString(System.Globalization.CultureInfo.InvariantCulture), box.GetAttribute("maxlength"));
        box.Input(pasted);

        Assert.Equal(pasted, cut.Find("textarea[data-testid=posting-text]").GetAttribute("value") ?? cut.Find("textarea[data-testid=posting-text]").TextContent);
    }

    [Fact]
    public void A_chosen_cv_is_summarised_before_matching()
    {
        var cut = Render<CheckFit>();

        cut.FindComponents<InputFile>()[0].UploadFiles(Fixture("e2e", "priya-raman-cv.md"));

        cut.WaitForElement("[data-testid=cv-summary]");
        Assert.Equal("Priya Raman", cut.Find("[data-testid=cv-summary-name]").TextContent);
        Assert.StartsWith("2 roles", cut.Find("[data-testid=cv-summary-roles]").TextContent.Trim());
        Assert.Contains("(2018-09 to 2021-02)", cut.Find("[data-testid=cv-summary]").TextContent);
        Assert.StartsWith("2 education entries", cut.Find("[data-testid=cv-summary-education]").TextContent.Trim());
        Assert.Equal("9 skills", cut.Find("[data-testid=cv-summary-skills]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=review-cv]"));
    }

    [Theory]
    [InlineData("cv-scanned-no-text.pdf", "no text layer")]
    [InlineData("cv-password-protected.pdf", "password")]
    [InlineData("not-a-resume.json", "not a JSON Resume")]
    public void A_bad_cv_file_shows_the_readers_message_and_no_summary(string fixture, string message)
    {
        var cut = Render<CheckFit>();

        cut.FindComponents<InputFile>()[0].UploadFiles(Fixture("cvs", fixture));

        cut.WaitForElement("[data-testid=cv-error]");
        Assert.Contains(message, cut.Find("[data-testid=cv-error]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.FindAll("[data-testid=cv-summary]"));
        Assert.True(cut.Find("[data-testid=match-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Ticking_two_library_postings_matches_both_into_one_session_and_opens_their_comparison()
    {
        var library = Services.GetRequiredService<PostingLibrary>();
        await library.ImportFileAsync(new UploadedFile("staff-engineer-ten-years.txt", Fixtures.Bytes("e2e", "staff-engineer-ten-years.txt")), Xunit.TestContext.Current.CancellationToken);
        await library.ImportFileAsync(new UploadedFile("amazon-prime-video-mle.txt", Fixtures.Bytes("e2e", "amazon-prime-video-mle.txt")), Xunit.TestContext.Current.CancellationToken);
        var cut = Render<CheckFit>();
        cut.FindComponents<InputFile>()[0].UploadFiles(Fixture("e2e", "priya-raman-cv.md"));
        cut.WaitForElement("[data-testid=cv-summary]");

        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("My postings", StringComparison.Ordinal)).Click();
        cut.WaitForElement("input[data-testid=library-posting]");
        cut.FindAll("input[data-testid=library-posting]")[0].Change(true);
        cut.FindAll("input[data-testid=library-posting]")[1].Change(true);
        Assert.Equal(2, cut.FindAll("[data-testid=chosen-posting]").Count);
        cut.Find("[data-testid=match-button]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/compare-postings?", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        Assert.Equal(2, query["report"].Count);
        var sessions = await Services.GetRequiredService<SessionQueries>().ListAsync(Xunit.TestContext.Current.CancellationToken);
        var session = Assert.Single(sessions);
        Assert.Equal(2, session.Reports);
    }

    private IRenderedComponent<CheckFit> RenderWithCv()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<CheckFit>();
        cut.FindComponents<InputFile>()[0].UploadFiles(Fixture("e2e", "priya-raman-cv.md"));
        cut.WaitForElement("[data-testid=cv-summary]");
        return cut;
    }

    private static void Paste(IRenderedComponent<CheckFit> cut, params string[] fixture) =>
        cut.Find("textarea[data-testid=posting-text]").Input(File.ReadAllText(Path.Combine(["fixtures", .. fixture])));

    private static void WaitForPreview(IRenderedComponent<CheckFit> cut) =>
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=posting-preview] [data-testid=preview-title]")), TimeSpan.FromSeconds(10));

    private static Matcher.Core.Postings.Posting ReadFixture(params string[] fixture) =>
        new Matcher.Core.Postings.PostingReader().ReadText(File.ReadAllText(Path.Combine(["fixtures", .. fixture])));

    [Fact]
    public void What_was_read_from_a_pasted_posting_shows_before_matching()
    {
        var expected = ReadFixture("e2e", "amazon-prime-video-mle.txt");
        var position = Assert.Single(expected.Positions);
        var cut = RenderWithCv();

        Paste(cut, "e2e", "amazon-prime-video-mle.txt");

        WaitForPreview(cut);
        Assert.Contains(position.Title, cut.Find("[data-testid=preview-title]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"{position.Requirements.Count} requirements, {position.Responsibilities.Count} responsibilities", cut.Find("[data-testid=preview-counts]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=preview-positions]"));
        Assert.False(cut.Find("[data-testid=match-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_posting_with_several_positions_asks_which_before_it_can_be_matched()
    {
        var expected = ReadFixture("postings", "seeds", "001_0ca12d176819fc95.txt");
        var cut = RenderWithCv();

        Paste(cut, "postings", "seeds", "001_0ca12d176819fc95.txt");

        WaitForPreview(cut);
        var choices = cut.FindAll("[data-testid=preview-position]");
        Assert.Equal(expected.Positions.Count, choices.Count);
        Assert.Contains($"3. {expected.Positions[2].Title} — no requirements; its {expected.Positions[2].Responsibilities.Count} responsibilities are matched instead", choices[2].TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=match-button]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=chosen-posting]"));

        cut.Find("[data-testid=preview-all-positions]").Click();

        cut.WaitForAssertion(() => Assert.Equal(expected.Positions.Select(p => $"Pasted posting — {p.Title}"), cut.FindAll("[data-testid=chosen-posting]").Select(e => e.TextContent)));
        Assert.Contains($"against {expected.Positions.Count} postings", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_position_picked_from_a_pasted_posting_is_the_one_matched()
    {
        var expected = ReadFixture("postings", "seeds", "001_0ca12d176819fc95.txt");
        var cut = RenderWithCv();
        Paste(cut, "postings", "seeds", "001_0ca12d176819fc95.txt");
        WaitForPreview(cut);

        cut.FindAll("[data-testid=preview-position] input")[2].Change(true);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=match-button]").HasAttribute("disabled")));
        cut.Find("[data-testid=match-button]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/reports/", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await using var db = _store.CreateDbContext();
        var report = Assert.Single(db.Reports);
        Assert.Equal((2, expected.Positions[2].Title), (report.PositionIndex, report.PositionTitle));
    }

    [Fact]
    public async Task An_untitled_posting_named_before_matching_is_saved_under_that_name()
    {
        var cut = RenderWithCv();
        Paste(cut, "postings", "untitled-key-qualifications.txt");
        WaitForPreview(cut);
        Assert.Equal("Untitled position", cut.Find("[data-testid=preview-title]").TextContent.Trim());

        cut.Find("input[data-testid=preview-name]").Input("iOS Engineer");
        cut.WaitForAssertion(() => Assert.Equal("iOS Engineer", cut.Find("[data-testid=preview-title]").TextContent.Trim()));
        cut.Find("[data-testid=match-button]").Click();

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/reports/", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await using var db = _store.CreateDbContext();
        var posting = Assert.Single(db.Postings);
        Assert.Equal("iOS Engineer", posting.Title);
        Assert.Equal("iOS Engineer", Assert.Single(db.Reports).PositionTitle);
    }

    [Fact]
    public void A_posting_that_cannot_be_read_says_why_before_matching()
    {
        var cut = RenderWithCv();

        Paste(cut, "postings", "bad", "not-a-posting.txt");

        cut.WaitForElement("[data-testid=posting-read-error]", TimeSpan.FromSeconds(10));
        Assert.Contains("No requirements or responsibilities", cut.Find("[data-testid=posting-read-error]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=match-button]").HasAttribute("disabled"));
    }
}
