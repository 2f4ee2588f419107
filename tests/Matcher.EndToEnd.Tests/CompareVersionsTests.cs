using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>An advisor matches a revised CV in the same session and compares the two versions.</summary>
public sealed class CompareVersionsTests : SharedAppTest
{
    [Fact]
    public async Task A_new_cv_version_is_matched_in_the_session_and_compared_with_the_first()
    {
        await CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "staff-engineer-ten-years.txt"));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Session", Exact = true }).ClickAsync();
        var sessionUrl = Page.Url;

        await Page.Locator("[data-testid=version-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=version-upload] input[type=file]").SetInputFilesAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv-v2.md"));
        await Page.GetByTestId("version-read").WaitForAsync();
        await Page.GetByTestId("version-match").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}/compare\\?"), new() { Timeout = 120_000 });

        await Assertions.Expect(Page.GetByTestId("score-delta")).ToHaveAttributeAsync("data-direction", "up");
        var before = double.Parse(await Page.GetByTestId("score-before").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var after = double.Parse(await Page.GetByTestId("score-after").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after > before, $"expected the revised CV to score higher: {before} → {after}");
        await Assertions.Expect(Page.Locator("[data-testid=group-improved] [data-testid=change]").First).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "compare-versions.png"), FullPage = true });

        // Both versions stay in the session, and the comparison can be opened again from there.
        await Page.GotoAsync(sessionUrl);
        await Assertions.Expect(Page.GetByTestId("session-cv")).ToHaveCountAsync(2);
        await Page.GetByTestId("compare-button").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("score-delta")).ToHaveAttributeAsync("data-direction", "up");
        AssertNoPageErrors();
    }
}
