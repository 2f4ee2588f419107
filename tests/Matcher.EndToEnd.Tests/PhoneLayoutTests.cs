using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>On a phone-sized screen nothing scrolls sideways and the navigation opens from its toggle.</summary>
public class PhoneLayoutTests : SharedAppTest
{
    private async Task AssertNoSidewaysScrollAsync(string page)
    {
        var (scrollWidth, innerWidth) = (
            await Page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth"),
            await Page.EvaluateAsync<int>("() => window.innerWidth"));
        var widest = await Page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`).join(', ')
            """);
        Assert.True(scrollWidth <= innerWidth, $"{page} is {scrollWidth}px wide on a {innerWidth}px screen; wider: {widest}");
    }

    [Fact]
    public async Task Check_my_fit_a_report_its_session_and_its_posting_fit_a_phone_without_sideways_scrolling()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/");
        await Page.Locator("main h1").First.WaitForAsync();
        await AssertNoSidewaysScrollAsync("/");

        var report = await CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));
        await Page.GetByTestId("requirement-text").First.WaitForAsync();
        await Page.GetByText("How was this scored").ClickAsync();
        await Page.GetByRole(AriaRole.Rowheader, new() { Name = "CV SHA-256" }).WaitForAsync();
        await AssertNoSidewaysScrollAsync(report);

        await Page.GotoAsync(await Page.GetByRole(AriaRole.Link, new() { Name = "Session", Exact = true }).GetAttributeAsync("href") ?? "");
        await Page.GetByLabel("Session notes").WaitForAsync();
        await AssertNoSidewaysScrollAsync("the session");

        await Page.GotoAsync("/postings");
        await Page.GotoAsync(await Page.Locator("[data-testid=postings] a[href^='/postings/']").First.GetAttributeAsync("href") ?? "");
        await Page.GetByTestId("posting-requirement").First.WaitForAsync();
        await AssertNoSidewaysScrollAsync("the posting");
        AssertNoPageErrors();
    }

    [Fact]
    public async Task The_navigation_opens_from_its_toggle_on_a_phone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/");
        await Page.Locator("main h1").First.WaitForAsync();
        // Closed on a phone so it does not cover the page; the toggle opens it and a link leads on.
        var postings = Page.GetByRole(AriaRole.Link, new() { Name = "Postings", Exact = true });
        await Assertions.Expect(postings).Not.ToBeInViewportAsync();
        // One tap opens it: the toggle is enabled once the drawer has settled on the screen size.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Assertions.Expect(postings).ToBeInViewportAsync();
        await postings.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/postings$"));

        AssertNoPageErrors();
    }
}
