using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Matcher.EndToEnd.Tests.Infrastructure;

namespace Matcher.EndToEnd.Tests;

/// <summary>axe-core on every page, light and dark: no serious or critical violations.</summary>
public class AccessibilityTests : BrowserTest
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private async Task AssertAccessibleAsync(string page)
    {
        var result = await Page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{page}: " + string.Join("\n", blocking.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target) + " " + n.Html + " (" + string.Join("; ", n.Any.Select(c => c.Message)) + ")"))}")));
    }

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_violations_in_light_and_dark_mode()
    {
        // A report and a session exist only after a match.
        var report = await CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));
        await Page.GotoAsync("/sessions");
        await Page.Locator("table a[href^='/sessions/']").First.WaitForAsync();
        var session = await Page.Locator("table a[href^='/sessions/']").First.GetAttributeAsync("href");

        var compare = $"/compare-postings?report={report.Split('/').Last()}";
        string[] pages = ["/", "/postings", "/sessions", "/ranking", "/settings", "/account", "/admin/users", "/admin/audit", report, session!, compare];
        foreach (var dark in new[] { false, true })
        {
            foreach (var path in pages)
            {
                await Page.GotoAsync(path);
                await Page.Locator("h1").First.WaitForAsync();
                if (dark)
                {
                    await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
                    await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Switch to light mode" }).WaitForAsync();
                    // Colours fade to the dark palette; axe must see where they end, not a frame mid-way.
                    await Page.WaitForFunctionAsync("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')");
                }
                await AssertAccessibleAsync((dark ? "dark " : "light ") + path);
            }
        }
        AssertNoPageErrors();
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
