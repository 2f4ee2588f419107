using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>
/// Accounts and sharing in the browser: a candidate registers, matches and shares with an advisor; the
/// advisor sees exactly that session and overrides a row; the candidate sees the advisor's name on it;
/// after the candidate stops sharing, the advisor's pages and downloads find nothing.
/// </summary>
public sealed class SharingTests : SharedAppTest
{
    private const string AdvisorName = "Sam Advisor";
    private const string CandidateName = "Priya Raman";
    private string AdvisorEmail => UniqueEmail("sam");
    private string CandidateEmail => UniqueEmail("priya");

    [Fact]
    public async Task A_shared_session_is_open_to_the_advisor_until_the_candidate_revokes_it()
    {
        // The administrator adds an advisor account.
        await Flows.AddPersonAsync(Page, AdvisorName, AdvisorEmail, "advisor");
        await SignOutAsync();

        // A candidate registers, checks their CV and shares the session with the advisor by e-mail.
        await Page.GotoAsync("/account/register");
        await FillNewAccountAsync(CandidateName, CandidateEmail);
        await Page.GetByTestId("register").ClickAsync();
        await Page.GetByTestId("signed-in-as").WaitForAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Ranking" })).ToHaveCountAsync(0);
        var reportPath = await CheckFitAsync(Fixture("priya-raman-cv.md"), Fixture("amazon-prime-video-mle.txt"));
        var reportId = reportPath.Split('/').Last();
        var sessionPath = await Page.Locator("a[href^='/sessions/']").First.GetAttributeAsync("href");
        await Page.GotoAsync(sessionPath!);
        await Page.GetByLabel("Advisor's e-mail").FillAsync(AdvisorEmail);
        await Page.GetByTestId("share-button").ClickAsync();
        await Expect(Page.GetByTestId("share-done")).ToContainTextAsync($"Shared with {AdvisorEmail} — they will see it when they sign in as an advisor");
        await Expect(Page.GetByTestId("share-row")).ToContainTextAsync(AdvisorEmail);
        await SignOutAsync();

        // The advisor sees exactly that session, and overrides a partly met requirement with a reason.
        await SignInAsync(AdvisorEmail);
        await Page.GotoAsync("/sessions");
        await Expect(Page.Locator("[data-testid=sessions] tbody tr")).ToHaveCountAsync(1);
        await Page.GotoAsync(sessionPath!);
        await Expect(Page.GetByTestId("shared-by")).ToContainTextAsync(CandidateName);
        Assert.Equal(200, (await Page.APIRequest.GetAsync($"/reports/{reportId}/report.json")).Status);
        await Page.GotoAsync(reportPath);
        await MarkFirstPartlyMetRowMetAsync("Showed me the project in person");
        await Expect(Page.GetByTestId("override-note").First).ToContainTextAsync($"Changed by {AdvisorName}");
        await SignOutAsync();

        // The candidate sees the override under the advisor's name, cannot override, and stops sharing.
        await SignInAsync(CandidateEmail);
        await Page.GotoAsync(reportPath);
        var note = Page.GetByTestId("override-note").First;
        await Expect(note).ToContainTextAsync(AdvisorName);
        await Expect(note).ToContainTextAsync("Showed me the project in person");
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Override the status") })).ToHaveCountAsync(0);
        await Page.GotoAsync(sessionPath!);
        await Page.GetByTestId("revoke-button").ClickAsync();
        await Expect(Page.GetByTestId("share-empty")).ToBeVisibleAsync();
        await SignOutAsync();

        // The advisor has lost access everywhere at once.
        await SignInAsync(AdvisorEmail);
        await Page.GotoAsync(sessionPath!);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Session not found" })).ToBeVisibleAsync();
        await Page.GotoAsync("/sessions");
        await Expect(Page.GetByText("No sessions yet")).ToBeVisibleAsync();
        Assert.Equal(404, (await Page.APIRequest.GetAsync($"/reports/{reportId}/report.json")).Status);
        Assert.Equal(404, (await Page.APIRequest.GetAsync($"/reports/{reportId}/report.docx")).Status);
        AssertNoPageErrors();
    }

    private static string Fixture(string name) => RepositoryPaths.Fixture("e2e", name);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
