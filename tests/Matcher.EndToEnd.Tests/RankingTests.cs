using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

public class RankingTests : BrowserTest
{
    private static readonly string[] Applicants =
        ["aaron-blake.md", "ahmed-karim.md", "aisha-bello.md"];

    // Ranking needs a saved posting; checking one CV against it saves it, as a user would.
    // Check my fit saves the posting the ranking needs.
    private Task SavePostingAsync() =>
        CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));

    [Fact]
    public async Task Ranks_uploaded_cvs_in_the_background_shows_blind_candidates_and_downloads_the_csv()
    {
        await SavePostingAsync();

        await Page.GotoAsync("/ranking");
        await Page.Locator("[data-testid=applicants-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=applicants-upload] input[type=file]")
            .SetInputFilesAsync(Applicants.Select(a => RepositoryPaths.Fixture("eval", "cvs", a)));
        await Assertions.Expect(Page.GetByTestId("intake-row")).ToHaveCountAsync(3);
        await Page.GetByTestId("start-ranking").ClickAsync();

        await Page.WaitForURLAsync(new Regex("/ranking/[0-9a-f-]{36}$"));
        await Assertions.Expect(Page.Locator("[data-testid=ranking-progress][data-status=completed]")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(Page.GetByTestId("progress-text")).ToContainTextAsync("3 of 3");

        var names = Page.GetByTestId("candidate-name");
        await Assertions.Expect(names).ToHaveCountAsync(3);
        // The machine-learning engineer fits an ML posting better than the nurse or the teacher.
        await Assertions.Expect(names.First).ToHaveTextAsync("Aisha Bello");

        await Page.GetByText("Blind review").ClickAsync();
        await Assertions.Expect(names.First).ToHaveTextAsync("Candidate 3");
        await Assertions.Expect(Page.GetByTestId("ranking-table")).ToContainTextAsync("Candidate 1");
        await Assertions.Expect(Page.GetByTestId("ranking-table")).Not.ToContainTextAsync("Aisha");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("rank,candidate,score", csv, StringComparison.Ordinal);
        Assert.EndsWith(",decision,note", csv.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains("Candidate 1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Aisha", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(".md", csv, StringComparison.Ordinal);

        // An applicant's report has its own address; the browser's Back returns to the table.
        var tableUrl = Page.Url;
        await names.First.ClickAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-panel")).ToBeVisibleAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("\\?applicant=[0-9a-f-]{36}$"));
        await Page.GoBackAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("candidate-name")).ToHaveCountAsync(3);
        Assert.Equal(tableUrl, Page.Url);

        // Coming back later shows the same finished ranking, still blind.
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByTestId("candidate-name").First).ToHaveTextAsync("Candidate 3");
        AssertNoPageErrors();
    }
}
