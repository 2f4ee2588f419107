using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

public class SeveralPostingsTests : SharedAppTest
{
    private static readonly string Cv = RepositoryPaths.Fixture("e2e", "priya-raman-cv.md");
    private static readonly string Pasted = RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt");
    private static readonly string Uploaded = RepositoryPaths.Fixture("e2e", "staff-engineer-ten-years.txt");

    [Fact]
    public async Task One_cv_against_two_postings_shows_both_side_by_side_best_fit_first()
    {
        await Page.GotoAsync("/");
        await ChooseCvAsync(Cv);
        await Page.GetByTestId("cv-summary").WaitForAsync();
        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(Pasted, TestContext.Current.CancellationToken));
        await Page.GetByRole(AriaRole.Tab, new() { Name = "Upload file" }).ClickAsync();
        await Page.Locator("[data-testid=posting-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=posting-upload] input[type=file]").SetInputFilesAsync(Uploaded);
        await Assertions.Expect(Page.GetByTestId("chosen-posting")).ToHaveCountAsync(2);

        await Page.GetByTestId("match-button").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/compare-postings\\?"), new() { Timeout = 120_000 });

        var cards = Page.GetByTestId("posting-fit");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        var titles = await Page.GetByTestId("fit-title").AllTextContentsAsync();
        Assert.Contains(titles, t => t.Contains("Staff Software Engineer", StringComparison.Ordinal));
        Assert.Equal(2, titles.Distinct().Count());
        var scores = (await Page.GetByTestId("fit-score").AllTextContentsAsync()).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.True(scores[0] >= scores[1], $"Best fit should come first, got {scores[0]} then {scores[1]}");
        await Assertions.Expect(Page.GetByTestId("fit-rank").First).ToHaveTextAsync("Best fit");

        await Page.GetByTestId("fit-report-link").First.ClickAsync();
        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"));
        await Assertions.Expect(Page.GetByTestId("overall-score")).ToHaveTextAsync(scores[0].ToString(CultureInfo.InvariantCulture));
        AssertNoPageErrors();
    }
}
