using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>Seeing what Matcher read from a CV, correcting it, and matching with the corrections.</summary>
public class CvReviewTests : SharedAppTest
{
    private static readonly string Cv = RepositoryPaths.Fixture("e2e", "priya-raman-cv.md");
    private static readonly string Posting = RepositoryPaths.Fixture("e2e", "staff-engineer-ten-years.txt");

    private async Task OpenCheckFitWithCvAsync(string path)
    {
        await Page.GotoAsync("/");
        await ChooseCvAsync(path);
    }

    // The requirement's own row; the "Why this score" panel may quote the same text in a signal's row.
    private ILocator YearsRow() => Page.GetByTestId("requirements").Locator("tr", new() { Has = Page.GetByText("10+ years of professional software development experience") });

    /// <summary>From the sessions list to the session's CV, following the links' addresses.</summary>
    private async Task OpenSavedCvAsync()
    {
        await Page.GotoAsync("/sessions");
        await Page.GotoAsync(await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Priya Raman") }).GetAttributeAsync("href") ?? "");
        await Page.GotoAsync(await Page.GetByTestId("session-cv").GetAttributeAsync("href") ?? "");
        await Page.GetByTestId("cv-editor").WaitForAsync();
    }

    [Fact]
    public async Task A_role_date_and_a_skill_corrected_before_matching_are_used_and_kept()
    {
        await OpenCheckFitWithCvAsync(Cv);
        var summary = Page.GetByTestId("cv-summary");
        await Assertions.Expect(summary.GetByTestId("cv-summary-name")).ToHaveTextAsync("Priya Raman");
        await Assertions.Expect(summary.GetByTestId("cv-summary-roles")).ToContainTextAsync("2 roles");
        await Assertions.Expect(summary).ToContainTextAsync("Northbridge Analytics, Manchester (2018-09 to 2021-02)");
        await Assertions.Expect(summary.GetByTestId("cv-summary-skills")).ToHaveTextAsync("9 skills");

        await Page.GetByTestId("review-cv").ClickAsync();
        var start = Page.GetByLabel("Role 2: start");
        await start.FillAsync("2012/09");
        await start.PressAsync("Tab");
        await Assertions.Expect(Page.GetByTestId("role-2")).ToContainTextAsync("is not a month");
        await Assertions.Expect(Page.GetByTestId("keep-corrections")).ToBeDisabledAsync();
        await start.FillAsync("2012-09");
        await start.PressAsync("Tab");
        await Page.GetByLabel("New skill").FillAsync("Kubernetes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add skill" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("cv-skills")).ToContainTextAsync("Kubernetes");
        await Page.GetByTestId("keep-corrections").ClickAsync();

        await Assertions.Expect(summary).ToContainTextAsync("Northbridge Analytics, Manchester (2012-09 to 2021-02)");
        await Assertions.Expect(summary.GetByTestId("cv-summary-skills")).ToHaveTextAsync("10 skills");

        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(Posting, TestContext.Current.CancellationToken));
        await Page.GetByTestId("match-button").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });
        await Assertions.Expect(YearsRow()).ToContainTextAsync("2012-09");

        await OpenSavedCvAsync();
        await Assertions.Expect(Page.GetByLabel("Role 2: start")).ToHaveValueAsync("2012-09");
        await Assertions.Expect(Page.GetByTestId("cv-skills")).ToContainTextAsync("Kubernetes");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("cv-download").ClickAsync());
        Assert.Equal("priya-raman-cv.md", download.SuggestedFilename);
        var saved = Path.Combine(Scratch, "downloaded.md");
        await download.SaveAsAsync(saved);
        Assert.Equal(await File.ReadAllBytesAsync(Cv, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task A_correction_saved_on_the_cv_page_is_used_by_the_next_match()
    {
        await OpenCheckFitWithCvAsync(Cv);
        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(Posting, TestContext.Current.CancellationToken));
        await Page.GetByTestId("match-button").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });
        await Assertions.Expect(YearsRow()).Not.ToContainTextAsync("2012-09");

        await OpenSavedCvAsync();
        var start = Page.GetByLabel("Role 2: start");
        await start.FillAsync("2012-09");
        await start.PressAsync("Tab");
        await Page.GetByTestId("save-cv").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("save-status")).ToHaveTextAsync("Corrections saved.");

        await Page.GetByTestId("match-again").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("cv-summary")).ToContainTextAsync("(2012-09 to 2021-02)");
        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(Posting, TestContext.Current.CancellationToken));
        await Page.GetByTestId("match-button").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });
        await Assertions.Expect(YearsRow()).ToContainTextAsync("2012-09");
        AssertNoPageErrors();
    }

    [Fact]
    public async Task A_quote_clicked_on_the_report_is_marked_in_the_cv_and_leads_back()
    {
        var report = await CheckFitAsync(Cv, Posting);
        var link = Page.GetByTestId("evidence-link").First;
        var quote = (await link.InnerTextAsync()).Trim('“', '”', ' ');

        await link.ClickAsync();

        await Page.WaitForURLAsync(new Regex("/cvs/[0-9a-f-]{36}\\?quote="));
        var mark = Page.Locator("mark#cv-highlight");
        await Assertions.Expect(mark).ToBeInViewportAsync();
        await Assertions.Expect(Page.GetByTestId("quote-not-found")).ToHaveCountAsync(0);
        Assert.Contains(Regex.Replace(await mark.InnerTextAsync(), "\\s+", " "), quote, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(Page.GetByTestId("cv-text-view")).Not.ToContainTextAsync("_saved.Cv.Text");

        await Page.GetByTestId("back-to-report").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(report) + "$"));
        AssertNoPageErrors();
    }

    [Fact]
    public async Task A_scanned_pdf_gets_a_clear_message_and_nothing_is_saved()
    {
        await OpenCheckFitWithCvAsync(RepositoryPaths.Fixture("cvs", "cv-scanned-no-text.pdf"));

        await Assertions.Expect(Page.GetByTestId("cv-error")).ToContainTextAsync("has no text layer");
        await Assertions.Expect(Page.GetByTestId("cv-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("match-button")).ToBeDisabledAsync();
        await Page.GotoAsync("/sessions");
        await Assertions.Expect(Page.GetByText("No sessions yet")).ToBeVisibleAsync();
        AssertNoPageErrors();
    }
}
