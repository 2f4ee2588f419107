using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

[Collection(RankingQueue.Name)]
public class RankingTests : SharedAppTest
{
    private static readonly string[] Applicants =
        ["aaron-blake.md", "ahmed-karim.md", "aisha-bello.md"];

    // Check my fit saves the posting the ranking needs.
    private Task SavePostingAsync() =>
        CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));

    /// <summary>Uploads CV files on the ranking page, waits for each to be read, starts the ranking and lands on its page.</summary>
    private async Task StartRankingAsync(IReadOnlyCollection<string> cvs)
    {
        await Page.GotoAsync("/ranking");
        await Page.Locator("[data-testid=applicants-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=applicants-upload] input[type=file]").SetInputFilesAsync(cvs);
        await Assertions.Expect(Page.GetByTestId("intake-row")).ToHaveCountAsync(cvs.Count);
        await Page.GetByTestId("start-ranking").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/ranking/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task Ranks_uploaded_cvs_in_the_background_shows_blind_candidates_and_downloads_the_csv()
    {
        await SavePostingAsync();

        await StartRankingAsync(Applicants.Select(a => RepositoryPaths.Fixture("eval", "cvs", a)).ToArray());
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

    [Fact]
    public async Task Forty_applicants_fit_in_compact_rows_each_with_its_decision_and_the_panel_steps_through_them()
    {
        await SavePostingAsync();
        var cvs = Directory.GetFiles(RepositoryPaths.Fixture("eval", "cvs"), "*.md").Order(StringComparer.Ordinal).Take(40).ToArray();
        Assert.Equal(40, cvs.Length);

        await StartRankingAsync(cvs);
        await Assertions.Expect(Page.Locator("[data-testid=ranking-progress][data-status=completed]")).ToBeVisibleAsync(new() { Timeout = 600_000 });
        var tableUrl = Page.Url;

        // Forty rows read on a laptop screen at a few rows a glance, not as a page a coordinator scrolls for minutes.
        var rows = Page.Locator("[data-testid=ranking-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(40);
        var heights = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => r.getBoundingClientRect().height)");
        Assert.True(heights.Max() <= 80, $"The tallest row is {heights.Max():0} px high.");
        var tableHeight = await Page.GetByTestId("ranking-table").EvaluateAsync<double>("t => t.getBoundingClientRect().height");
        Assert.True(tableHeight <= 3_400, $"Forty rows take {tableHeight:0} px.");
        var gapsWidth = await Page.Locator("[data-testid=ranking-table] thead th").Nth(6).EvaluateAsync<double>("th => th.getBoundingClientRect().width");
        Assert.True(gapsWidth >= 240, $"The Top gaps column is {gapsWidth:0} px wide.");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "ranking-table.png") });

        // A decision is taken in the row itself and kept.
        var second = rows.Nth(1);
        var secondName = (await second.GetByTestId("candidate-name").InnerTextAsync()).Trim();
        await second.GetByTestId("row-decision").ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Shortlisted", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Saved: Shortlisted")).ToBeVisibleAsync();
        await Page.ReloadAsync();
        await Assertions.Expect(rows.Nth(1).GetByTestId("row-decision")).ToContainTextAsync("Shortlisted");
        await Assertions.Expect(rows.Nth(2).GetByTestId("row-decision")).ToContainTextAsync("No decision");

        // The panel steps to the next applicant by address; Back steps back to the first and then to the table.
        await rows.First.GetByTestId("candidate-name").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-position")).ToHaveTextAsync("1 of 40");
        var firstUrl = Page.Url;
        await Page.GetByTestId("next-applicant").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-position")).ToHaveTextAsync("2 of 40");
        await Assertions.Expect(Page.GetByTestId("applicant-panel").Locator("h2").First).ToHaveTextAsync(secondName);
        Assert.NotEqual(firstUrl, Page.Url);
        await Page.GoBackAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-position")).ToHaveTextAsync("1 of 40");
        Assert.Equal(firstUrl, Page.Url);
        await Page.GoBackAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(rows).ToHaveCountAsync(40);
        Assert.Equal(tableUrl, Page.Url);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task The_same_applicant_sent_as_a_pdf_and_as_text_is_flagged_as_a_possible_duplicate()
    {
        await SavePostingAsync();

        await StartRankingAsync(new[] { "aisha-bello.md", "aisha-bello.pdf", "aaron-blake.md" }.Select(a => RepositoryPaths.Fixture("eval", "cvs", a)).ToArray());
        await Assertions.Expect(Page.Locator("[data-testid=ranking-progress][data-status=completed]")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        // Both copies are flagged, each pointing at the other; the third applicant is not.
        var flags = Page.GetByTestId("possible-duplicate");
        await Assertions.Expect(flags).ToHaveCountAsync(2);
        foreach (var flag in await flags.AllAsync())
            await Assertions.Expect(flag).ToContainTextAsync("Possible duplicate of");
        AssertNoPageErrors();
    }

    /// <summary>300 short text CVs in one zip, each a different person with a different role, so scores differ.</summary>
    private static string ZipOfSmallCvs(string folder, int count)
    {
        string[] roles = ["Machine Learning Engineer", "Registered Nurse", "Primary School Teacher", "Data Analyst", "Retail Manager"];
        string[] skills = ["Python, PyTorch and AWS", "patient care and triage", "lesson planning", "SQL and Tableau", "stock control and rotas"];
        var path = Path.Combine(folder, "applicants.zip");
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        for (var n = 1; n <= count; n++)
        {
            var entry = zip.CreateEntry($"applicant-{n:D3}.md");
            using var writer = new StreamWriter(entry.Open());
            writer.Write($"""
                # Applicant {n:D3}
                applicant{n:D3}@example.org

                ## Experience
                **{roles[n % roles.Length]}**, Example Ltd · {2010 + n % 10} – 2024
                - Worked daily with {skills[n % skills.Length]}.
                """);
        }
        return path;
    }

    [Fact]
    public async Task Three_hundred_cvs_from_one_zip_keep_ranking_while_the_page_is_left_and_the_paged_table_completes()
    {
        await SavePostingAsync();
        var folder = Directory.CreateTempSubdirectory("matcher-e2e-zip-").FullName;
        try
        {
            var zip = ZipOfSmallCvs(folder, 300);
            await Page.GotoAsync("/ranking");
            await Page.Locator("[data-testid=applicants-upload][data-ready=true]").WaitForAsync();
            await Page.Locator("[data-testid=applicants-upload] input[type=file]").SetInputFilesAsync(zip);
            await Assertions.Expect(Page.GetByTestId("intake-summary")).ToContainTextAsync("300 CV(s) to rank", new() { Timeout = 120_000 });
            await Page.GetByTestId("start-ranking").ClickAsync();
            await Page.WaitForURLAsync(new Regex("/ranking/[0-9a-f-]{36}$"));
            var jobUrl = Page.Url;
            await Assertions.Expect(Page.Locator("[data-testid=ranking-progress][data-status=running]")).ToBeVisibleAsync(new() { Timeout = 120_000 });

            // Leave mid-run; the ranking goes on in the background.
            await Page.GotoAsync("/ranking");
            await Assertions.Expect(Page.GetByTestId("start-ranking")).ToBeVisibleAsync();
            await Page.GotoAsync(jobUrl);
            var progress = Page.GetByTestId("progress-text");
            await Assertions.Expect(progress).ToContainTextAsync("of 300");
            var seen = DoneOf(await progress.InnerTextAsync());
            Assert.InRange(seen, 0, 299);

            // Progress reaches the page as batches finish, without reloading it.
            await Assertions.Expect(progress).Not.ToContainTextAsync($"Ranking: {seen} of 300", new() { Timeout = 120_000 });
            await Assertions.Expect(Page.Locator("[data-testid=ranking-progress][data-status=completed]")).ToBeVisibleAsync(new() { Timeout = 600_000 });
            await Assertions.Expect(progress).ToContainTextAsync("300 of 300");

            // The table shows one page of the 300, and the pager knows them all.
            await Assertions.Expect(Page.GetByTestId("candidate-name")).ToHaveCountAsync(50);
            await Assertions.Expect(Page.GetByTestId("ranking-table")).ToContainTextAsync("of 300");
            await Page.GetByLabel("Next page").ClickAsync();
            await Assertions.Expect(Page.GetByTestId("ranking-table")).ToContainTextAsync("51-100 of 300");
            await Assertions.Expect(Page.GetByTestId("candidate-name")).ToHaveCountAsync(50);
            AssertNoPageErrors();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int DoneOf(string progressText) =>
        Regex.Match(progressText, @"(\d+) of 300") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
}
