using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>The whole candidate flow with the keyboard alone, and every stop on the way shows where the focus is.</summary>
public class KeyboardTests : SharedAppTest
{
    private const int MaxStops = 60;

    // The focused element, or a wrapper close above it (a hidden file input inside its drop zone, a switch's
    // hidden checkbox inside its track), must draw an outline or a focus ring; an outlined text field shows
    // focus by thickening its border.
    private const string FocusIsVisible = """
        () => {
            const focused = document.activeElement;
            for (let el = focused, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
                const style = getComputedStyle(el);
                if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return true;
                if (style.boxShadow && style.boxShadow !== 'none') return true;
            }
            const border = focused.closest('.mud-input-outlined')?.querySelector('.mud-input-outlined-border');
            return !!border && parseFloat(getComputedStyle(border).borderTopWidth) >= 2;
        }
        """;

    /// <summary>Presses Tab (or Shift+Tab) until the focused element matches the selector; fails if it never does.</summary>
    private async Task TabToAsync(string selector, bool backwards = false)
    {
        for (var i = 0; i < MaxStops; i++)
        {
            await Page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await Page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                var described = await Page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)");
                Assert.True(await Page.EvaluateAsync<bool>(FocusIsVisible), "No visible focus on " + described);
                return;
            }
        }
        Assert.Fail($"{selector} was not reached within {MaxStops} presses of {(backwards ? "Shift+Tab" : "Tab")}.");
    }

    [Fact]
    public async Task A_candidate_matches_a_cv_and_reads_the_report_with_the_keyboard_alone()
    {
        await Page.GotoAsync("/");
        await Page.Locator("[data-testid=cv-upload][data-ready=true]").WaitForAsync();

        // A page opens with the focus on its heading; back past the navigation is the skip link, which shows
        // itself when focused and takes the focus back to the main content.
        await Assertions.Expect(Page.Locator("main h1")).ToBeFocusedAsync();
        await TabToAsync("a.skip-link", backwards: true);
        var box = await Page.Locator("a.skip-link").BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Height: > 0 }, "The skip link stays off screen when focused.");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#main-content")).ToBeFocusedAsync();

        // The operating system's file dialog cannot be driven, so the file goes to the focused input.
        await TabToAsync("[data-testid=cv-upload] input[type=file]");
        await Page.Locator(":focus").SetInputFilesAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"));
        await Page.GetByTestId("cv-summary").WaitForAsync();

        await TabToAsync("textarea");
        await Assertions.Expect(Page.GetByLabel("Posting text")).ToBeFocusedAsync();
        await Page.Keyboard.InsertTextAsync(await File.ReadAllTextAsync(RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"), TestContext.Current.CancellationToken));
        await Assertions.Expect(Page.GetByTestId("match-button")).ToBeEnabledAsync();

        await TabToAsync("[data-testid=match-button]");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForURLAsync(new Regex("/reports/[0-9a-f-]{36}$"), new() { Timeout = 120_000 });
        var rows = Page.GetByTestId("requirement-text");
        await Assertions.Expect(rows).ToHaveCountAsync(5);

        // Filters: Space toggles "missing only", and only missing rows stay.
        await TabToAsync("input[type=checkbox]");
        await Assertions.Expect(Page.GetByLabel("Show only what is missing")).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Page.GetByLabel("Show only what is missing")).ToBeCheckedAsync();
        // The box ticks in the browser at once; the rows follow when the server has filtered them.
        await Assertions.Expect(Page.Locator("[data-testid=requirements] [data-status]:not([data-status=missing])")).ToHaveCountAsync(0);
        var statuses = await Page.Locator("[data-testid=requirements] [data-status]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.status)");
        Assert.All(statuses, s => Assert.Equal("missing", s));
        Assert.True(await rows.CountAsync() < 5, "The missing-only filter left every row in place.");

        // Back up to the downloads; Enter on one fetches the file.
        await TabToAsync("a[href$='/report.csv']", backwards: true);
        await TabToAsync("a[href$='/report.docx']", backwards: true);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Keyboard.PressAsync("Enter"));
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        AssertNoPageErrors();
    }
}
