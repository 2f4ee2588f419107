using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests.OwnApp;

/// <summary>What is saved survives the app stopping and starting again. Restarting would cut off every other test on a shared app.</summary>
public sealed class RestartTests : OwnAppTest
{
    private static readonly string Cv = RepositoryPaths.Fixture("e2e", "priya-raman-cv.md");
    private static readonly string Posting = RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt");

    [Fact]
    public async Task A_saved_report_reopens_from_sessions_after_a_restart()
    {
        await CheckFitAsync(Cv, Posting);
        var reportUrl = Page.Url;
        var firstRows = await Page.GetByTestId("requirement-text").AllTextContentsAsync();

        await RestartAppAsync();
        await Page.GotoAsync(App.BaseUri + "sessions");
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Priya Raman") }).ClickAsync();
        await Page.Locator("table a[href^='/reports/']").First.ClickAsync();

        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"));
        Assert.Equal(new Uri(reportUrl).AbsolutePath, new Uri(Page.Url).AbsolutePath);
        Assert.NotEmpty(firstRows);
        await Assertions.Expect(Page.GetByTestId("requirement-text")).ToHaveTextAsync(firstRows.ToArray());
        AssertNoPageErrors();
    }
}
