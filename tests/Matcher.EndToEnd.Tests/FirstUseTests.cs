using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>
/// What a new user meets on a first check: no silent choice of position, no copies when the same files come again,
/// and report wording that never contradicts its quotes. None of it ranks, so it runs beside the ranking queue.
/// </summary>
public class FirstUseTests : SharedAppTest
{
    private static readonly string Brochure = RepositoryPaths.Fixture("postings", "seeds", "001_0ca12d176819fc95.txt");
    private static readonly string AudioSpecialist = RepositoryPaths.Fixture("specialists", "cvs", "09-spatial-audio.md");
    private static readonly string Cv = RepositoryPaths.Fixture("e2e", "priya-raman-cv.md");
    private static readonly string Posting = RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt");

    [Fact]
    public async Task A_posting_with_several_positions_asks_which_to_match_and_matches_the_one_picked()
    {
        await Page.GotoAsync("/");
        await ChooseCvAsync(AudioSpecialist);
        await Page.GetByTestId("cv-summary").WaitForAsync();
        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(Brochure, TestContext.Current.CancellationToken));

        var positions = Page.GetByTestId("preview-position");
        await Assertions.Expect(positions).ToHaveCountAsync(11);
        await Assertions.Expect(Page.GetByTestId("preview-positions")).ToContainTextAsync("This posting has 11 positions");
        // Nothing is picked for the user: Match waits until a position is chosen.
        await Assertions.Expect(Page.GetByTestId("preview-pick-position")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("match-button")).ToBeDisabledAsync();

        await positions.Nth(8).GetByText("9. Research Engineer, Audio Signal Processing").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("preview-pick-position")).ToHaveCountAsync(0);
        await Page.GetByTestId("match-button").ClickAsync();

        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });
        // The report is headed by the brochure and names the position it was matched against.
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sony Global Internship 2022");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Research Engineer, Audio Signal Processing" })).ToBeVisibleAsync();
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Checking_the_same_cv_against_the_same_posting_again_reuses_both_instead_of_copying_them()
    {
        var first = await CheckFitAsync(Cv, Posting);
        var second = await CheckFitAsync(Cv, Posting);

        Assert.StartsWith("/reports/", second, StringComparison.Ordinal);
        await Page.GotoAsync("/sessions");
        await Assertions.Expect(Page.GetByTestId("session-candidate")).ToHaveCountAsync(1);
        await Page.GotoAsync("/postings");
        await Assertions.Expect(Page.Locator("[data-testid=postings] tbody tr")).ToHaveCountAsync(1);
        // The earlier report is still there beside the new one: reusing the files keeps the history.
        await Page.GotoAsync(first);
        await Assertions.Expect(Page.GetByTestId("requirement-text").First).ToBeVisibleAsync();
        AssertNoPageErrors();
    }

    [Fact]
    public async Task A_missing_requirement_shown_with_its_closest_lines_never_says_that_nothing_speaks_to_it()
    {
        // A CV from another field: its closest lines come near the posting's requirements but show none of them.
        await CheckFitAsync(RepositoryPaths.Fixture("eval", "cvs", "ben-adler.md"), Posting);

        var missing = Page.Locator("[data-testid=requirements] tr").Filter(new() { Has = Page.Locator("[data-status=missing]") })
            .Filter(new() { Has = Page.Locator("blockquote.evidence") });
        Assert.True(await missing.CountAsync() > 0, "The report should have a missing requirement that shows its closest lines.");
        foreach (var row in await missing.AllAsync())
        {
            await Assertions.Expect(row.GetByTestId("closest-lines")).ToBeVisibleAsync();
            Assert.DoesNotContain("speaks to this", await row.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        }
        AssertNoPageErrors();
    }
}
