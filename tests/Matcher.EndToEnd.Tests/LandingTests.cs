using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>Each person starts where their roles put them to work, and a page they cannot open points somewhere they can.</summary>
public sealed class LandingTests : SharedAppTest
{
    [Fact]
    public async Task A_coordinator_lands_on_ranking_is_pointed_to_import_and_an_advisor_lands_on_sessions()
    {
        var cora = UniqueEmail("cora");
        var sam = UniqueEmail("sam");
        await Flows.AddPersonAsync(Page, "Cora Coordinator", cora, "coordinator");
        await Flows.AddPersonAsync(Page, "Sam Advisor", sam, "advisor");
        await SignOutAsync();

        await SignInAsync(cora);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/ranking$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Ranking", Level = 1 })).ToBeVisibleAsync();
        var noPostings = Page.GetByTestId("no-postings");
        await Assertions.Expect(noPostings).ToContainTextAsync("Import");
        await Assertions.Expect(noPostings.GetByRole(AriaRole.Link, new() { Name = "Postings" })).ToHaveAttributeAsync("href", "/postings");
        await Assertions.Expect(noPostings).Not.ToContainTextAsync("Check my fit");

        // A page the coordinator cannot open offers Ranking, which does open.
        await Page.GotoAsync("/sessions");
        await Page.GetByTestId("start-page-link").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/ranking$"));
        await Assertions.Expect(Page.GetByTestId("no-access")).ToHaveCountAsync(0);
        await SignOutAsync();

        await SignInAsync(sam);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/sessions$"));
        await Assertions.Expect(Page.GetByTestId("sessions-empty")).ToContainTextAsync("share with you");
        // Check my fit is still one click away for an advisor.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Check my fit" }).First.ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Check my fit", Level = 1 })).ToBeVisibleAsync();
        AssertNoPageErrors();
    }
}
