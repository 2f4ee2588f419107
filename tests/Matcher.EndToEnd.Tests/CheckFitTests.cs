using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

public class CheckFitTests : SharedAppTest
{
    private static readonly string Cv = RepositoryPaths.Fixture("e2e", "priya-raman-cv.md");
    private static readonly string Posting = RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt");

    private Task<string> MatchAsync() => CheckFitAsync(Cv, Posting);

    [Fact]
    public async Task Uploading_a_cv_and_a_posting_shows_a_report_row_per_requirement()
    {
        await MatchAsync();

        var rows = Page.GetByTestId("requirement-text");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        var texts = await rows.AllTextContentsAsync();
        Assert.Contains(texts, t => t.StartsWith("Experience programming with at least one modern language", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("equal opportunit", StringComparison.OrdinalIgnoreCase));
        var statuses = await Page.Locator("[data-testid=requirements] [data-status]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.status)");
        Assert.Equal(5, statuses.Length);
        Assert.All(statuses, s => Assert.Contains(s, new[] { "met", "partial", "missing" }));
        Assert.NotEmpty(await Page.Locator("blockquote.evidence").AllTextContentsAsync());
        var score = int.Parse(await Page.GetByTestId("overall-score").TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(score, 1, 100);
        AssertNoPageErrors();

        // Kept with the other artifacts: the picture of the report the README shows.
        Directory.CreateDirectory(RepositoryPaths.Artifacts);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "report-page.png"), FullPage = false });
    }

    [Fact]
    public async Task A_printed_report_is_a_table_under_the_candidates_name_on_at_most_two_pages()
    {
        await MatchAsync();
        await Assertions.Expect(Page.GetByTestId("candidate")).ToHaveTextAsync("Priya Raman");

        // Paper is about 800 px wide: below the desktop layout, so the print styles must keep the boxes side by side.
        await Page.SetViewportSizeAsync(816, 1056);
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.GetByTestId("candidate")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("How was this scored")).ToBeHiddenAsync();
        await Assertions.Expect(Page.GetByTestId("print-receipt")).ToContainTextAsync("CV SHA-256");
        await Assertions.Expect(Page.GetByTestId("print-report")).ToBeHiddenAsync();
        var rowDisplay = await Page.Locator("[data-testid=requirements] tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display");
        Assert.Equal("table-row", rowDisplay);
        var score = await Page.GetByTestId("verdict").BoundingBoxAsync();
        var counts = await Page.Locator("[aria-label='Counts by status']").BoundingBoxAsync();
        Assert.True(counts!.X > score!.X + 100 && counts.Y < score.Y + score.Height,
            $"The score ({score.X:0},{score.Y:0}) and the counts ({counts.X:0},{counts.Y:0}) are not side by side.");

        var pdf = await Page.PdfAsync(new() { Format = "A4", PrintBackground = false });
        var pages = Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?![a-zA-Z])").Count;
        Assert.InRange(pages, 1, 2);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task An_advisor_annotates_overrides_reloads_and_exports_and_everything_is_still_there()
    {
        await MatchAsync();
        var reportPath = new Uri(Page.Url).AbsolutePath;

        // Override a partly met requirement with a reason.
        var requirement = await MarkFirstPartlyMetRowMetAsync("Led the design review of the ingest service");
        await Assertions.Expect(Page.GetByTestId("override-note")).ToContainTextAsync($"Changed by {AdminName}");

        // A note on the session, saved as typed.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Session", Exact = true }).ClickAsync();
        await Page.GetByLabel("Session notes").FillAsync("Strong on C++; ask about team leadership.");
        await Assertions.Expect(Page.GetByTestId("notes-status")).ToContainTextAsync("Saved at");
        // The session gets a name of the advisor's choosing.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rename session" }).ClickAsync();
        await Page.GetByLabel("Session name").FillAsync("Priya · mock interview");
        await Page.GetByLabel("Session name").PressAsync("Enter");
        await Assertions.Expect(Page.GetByTestId("session-title")).ToHaveTextAsync("Priya · mock interview");

        // After a reload all of it is still there.
        await Page.ReloadAsync();
        await Assertions.Expect(Page.GetByLabel("Session notes")).ToHaveValueAsync("Strong on C++; ask about team leadership.");
        await Assertions.Expect(Page.GetByTestId("session-title")).ToHaveTextAsync("Priya · mock interview");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "session-page.png") });
        await Page.GotoAsync(reportPath);
        var note = Page.GetByTestId("override-note");
        await Assertions.Expect(note).ToContainTextAsync("Led the design review of the ingest service");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, "report-with-override.png"), FullPage = true });

        // The downloads say the same as the screen.
        var json = System.Text.Json.JsonDocument.Parse(await (await Page.APIRequest.GetAsync(reportPath + "/report.json")).TextAsync()).RootElement;
        var changed = json.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("text").GetString() == requirement);
        Assert.Equal("met", changed.GetProperty("status").GetString()!.ToLowerInvariant());
        Assert.Equal("Led the design review of the ingest service", changed.GetProperty("override").GetProperty("reason").GetString());
        Assert.Equal(AdminName, changed.GetProperty("override").GetProperty("changedBy").GetString());

        var docx = await Page.APIRequest.GetAsync(reportPath + "/report.docx");
        Assert.Equal(200, docx.Status);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(await docx.BodyAsync()));
        using var reader = new StreamReader(archive.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"Changed by {AdminName}", xml, StringComparison.Ordinal);
        Assert.Contains("Led the design review of the ingest service", xml, StringComparison.Ordinal);
        var csv = await Page.APIRequest.GetAsync(reportPath + "/report.csv");
        Assert.Contains("Led the design review of the ingest service", await csv.TextAsync(), StringComparison.Ordinal);
        AssertNoPageErrors();
    }

    [Fact]
    public async Task A_file_that_is_not_a_cv_gets_a_clear_message_and_nothing_is_saved()
    {
        var garbage = Path.Combine(Scratch, "photo.pdf");
        await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray(), TestContext.Current.CancellationToken);

        await Page.GotoAsync("/");
        await ChooseCvAsync(garbage);
        await Page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(Posting, TestContext.Current.CancellationToken));

        await Assertions.Expect(Page.GetByTestId("cv-error")).ToContainTextAsync("PDF");
        await Assertions.Expect(Page.GetByTestId("match-button")).ToBeDisabledAsync();
        await Page.GotoAsync("/sessions");
        await Assertions.Expect(Page.GetByText("No sessions yet")).ToBeVisibleAsync();
        AssertNoPageErrors();
    }

    [Fact]
    public async Task An_empty_file_is_refused_in_the_page()
    {
        var empty = Path.Combine(Scratch, "empty.docx");
        await File.WriteAllBytesAsync(empty, [], TestContext.Current.CancellationToken);

        await Page.GotoAsync("/");
        await ChooseCvAsync(empty);

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("empty.docx is empty");
        await Assertions.Expect(Page.GetByTestId("match-button")).ToBeDisabledAsync();
        AssertNoPageErrors();
    }
}
