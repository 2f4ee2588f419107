using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>
/// axe-core on every page, light and dark: no serious or critical violations. The walk is cut in two so that only the
/// pages that need a ranking wait in the ranking queue; the rest run beside the other tests.
/// </summary>
public abstract class AccessibilityWalk : SharedAppTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>The rules whose outcome depends on the palette: what dark mode can break.</summary>
    private static readonly AxeRunOptions ColourRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
    };

    /// <summary>One stop of the walk: an address, what shows it is loaded, and what to open on it before checking.</summary>
    protected sealed record Stop(string Name, string Path, string Ready, Func<IPage, Task>? Open = null);

    protected async Task AssertAccessibleAsync(string page)
    {
        var problems = await ViolationsAsync(page);
        Assert.True(problems is null, problems);
    }

    /// <summary>The serious and critical violations on the page as it stands, described; null when there are none.</summary>
    private async Task<string?> ViolationsAsync(string page, AxeRunOptions? options = null)
    {
        var result = await Page.RunAxe(options);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        return blocking.Count == 0 ? null : $"{page}: " + string.Join("\n", blocking.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target) + " " + n.Html + " (" + string.Join("; ", n.Any.Select(c => c.Message)) + ")"))}"));
    }

    /// <summary>
    /// Checks every stop before failing, so one run lists all that needs fixing. Dark mode changes colours only, so
    /// after the full check in light the same page, switched to dark, is checked for contrast.
    /// </summary>
    protected async Task WalkAsync(IEnumerable<Stop> stops)
    {
        var problems = new List<string>();
        foreach (var stop in stops)
        {
            await Page.GotoAsync(stop.Path);
            await Page.Locator(stop.Ready).First.WaitForAsync();
            if (stop.Open is { } open)
                await open(Page);
            await SettleAsync();
            if (await ViolationsAsync("light " + stop.Name) is { } light)
                problems.Add(light);

            await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).WaitForAsync();
            await SettleAsync();
            if (await ViolationsAsync("dark " + stop.Name, ColourRules) is { } dark)
                problems.Add(dark);
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        AssertNoPageErrors();
    }

    /// <summary>Colours fade to the dark palette and panels slide open; axe must see where they end, not a frame mid-way.</summary>
    private Task SettleAsync() =>
        Page.WaitForFunctionAsync("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')");
}

public class AccessibilityTests : AccessibilityWalk
{
    [Fact]
    public async Task Every_page_has_no_serious_or_critical_violations_in_light_and_dark_mode()
    {
        // A report, a session and a CV exist only after a match.
        var report = await CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));
        var quoted = await Page.GetByTestId("evidence-link").First.GetAttributeAsync("href");
        var cv = quoted!.Split('?')[0];
        await Page.GotoAsync("/sessions");
        await Page.Locator("table a[href^='/sessions/']").First.WaitForAsync();
        var session = await Page.Locator("table a[href^='/sessions/']").First.GetAttributeAsync("href");
        var compare = $"/compare-postings?report={report.Split('/').Last()}";

        await WalkAsync(
        [
            .. new[] { "/", "/postings", "/sessions", "/ranking", "/settings", "/account", "/admin/users", "/admin/audit", report, session!, compare }
                .Select(path => new Stop(path, path, "h1")),
            new("CV", cv, "[data-testid=save-cv]"),
            new("CV with a quote marked", quoted, "mark#cv-highlight"),
        ]);
    }

    [Fact]
    public async Task The_sign_in_pages_have_no_serious_or_critical_violations()
    {
        await SignOutAsync();
        foreach (var path in new[] { "/account/login", "/account/register", "/account/forgot-password", "/account/access-denied", "/setup" })
        {
            await Page.GotoAsync(path);
            await Page.Locator("h1").First.WaitForAsync();
            await AssertAccessibleAsync(path);
        }
        AssertNoPageErrors();
    }
}

/// <summary>The pages of a posting with two positions and of a ranking against both: the part of the walk that ranks.</summary>
[Collection(RankingQueue.Name)]
public class RankingAccessibilityTests : AccessibilityWalk
{
    private static readonly string[] Applicants = ["aaron-blake.md", "ahmed-karim.md", "aisha-bello.md"];

    [Fact]
    public async Task A_posting_its_ranking_heat_map_and_an_applicants_report_have_no_serious_or_critical_violations_in_light_and_dark_mode()
    {
        // A posting with two positions and lines set aside: its page has a "Not scored" panel, and ranking
        // against all its positions shows the heat map.
        var posting = await ImportPostingAsync(RepositoryPaths.Fixture("e2e", "two-positions.txt"));
        var ranking = await RankAllPositionsAsync();
        await Page.GetByTestId("candidate-name").Nth(1).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("applicant-position")).ToHaveTextAsync("2 of 3");
        var applicant = new Uri(Page.Url).PathAndQuery;

        await WalkAsync(
        [
            new("posting with lines not scored", posting, "[data-testid=not-scored-panel]", async page =>
            {
                await page.Locator("[data-testid=not-scored-panel] .mud-expand-panel-header").ClickAsync();
                await page.Locator("[data-testid=not-scored-panel] [data-testid=not-scored-line]").First.WaitForAsync();
            }),
            new("ranking table", ranking, "[data-testid=ranking-table] [data-testid=row-decision]"),
            new("ranking heat map", ranking, "[data-testid=ranking-table]", async page =>
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = "All positions" }).ClickAsync();
                await page.GetByTestId("ranking-matrix").WaitForAsync();
            }),
            new("applicant report", applicant, "[data-testid=previous-applicant]"),
        ]);
    }

    private async Task<string> ImportPostingAsync(string path)
    {
        await Page.GotoAsync("/postings");
        await Page.Locator("[data-testid=posting-import-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=posting-import-upload] input[type=file]").SetInputFilesAsync(path);
        await Page.GetByText(Path.GetFileName(path)).WaitForAsync();
        await Page.GetByTestId("import-button").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/postings/[0-9a-f-]{36}$"));
        return new Uri(Page.Url).AbsolutePath;
    }

    /// <summary>Ranks three CVs against every position of the newest posting, which the setup picks first.</summary>
    private async Task<string> RankAllPositionsAsync()
    {
        await Page.GotoAsync("/ranking");
        await Assertions.Expect(Page.GetByTestId("position-select")).ToContainTextAsync("All positions");
        await Page.Locator("[data-testid=applicants-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=applicants-upload] input[type=file]")
            .SetInputFilesAsync(Applicants.Select(a => RepositoryPaths.Fixture("eval", "cvs", a)));
        await Assertions.Expect(Page.GetByTestId("intake-row")).ToHaveCountAsync(3);
        await Page.GetByTestId("start-ranking").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/ranking/[0-9a-f-]{36}$"));
        await Assertions.Expect(Page.Locator("[data-testid=ranking-progress][data-status=completed]")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        return new Uri(Page.Url).AbsolutePath;
    }
}
