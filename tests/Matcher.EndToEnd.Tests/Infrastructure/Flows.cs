using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>What a person does in the app that many tests start with, on any page of any app.</summary>
public static partial class Flows
{
    public const string Password = "correct horse battery staple";

    /// <summary>Fills in the first-run setup page, which every page leads to until an account exists.</summary>
    public static async Task CreateFirstAdministratorAsync(IPage page, string name, string email)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/setup");
        await FillNewAccountAsync(page, name, email);
        await page.GetByTestId("create-admin").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    public static async Task FillNewAccountAsync(IPage page, string name, string email)
    {
        await page.Locator("#display-name").FillAsync(name);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm-password").FillAsync(Password);
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    /// <summary>An administrator adds a person with the given roles on People and roles (candidate unless told otherwise).</summary>
    public static async Task AddPersonAsync(IPage page, string name, string email, params string[] roles)
    {
        await page.GotoAsync("/admin/users");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("First password (10+ characters)").FillAsync(Password);
        foreach (var role in roles)
            await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        if (!roles.Contains("candidate"))
            await page.GetByLabel("candidate", new() { Exact = true }).UncheckAsync();
        await page.GetByTestId("create-user").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = email })).ToBeVisibleAsync();
    }

    /// <summary>Chooses a CV on Check my fit once its upload control is live.</summary>
    public static async Task ChooseCvAsync(IPage page, string path)
    {
        await page.Locator("[data-testid=cv-upload][data-ready=true]").WaitForAsync();
        await page.Locator("[data-testid=cv-upload] input[type=file]").SetInputFilesAsync(path);
    }

    /// <summary>Runs Check my fit with a CV file and a pasted posting; returns the report's path.</summary>
    public static async Task<string> CheckFitAsync(IPage page, string cvPath, string postingPath, CancellationToken cancellationToken)
    {
        await page.GotoAsync("/");
        await ChooseCvAsync(page, cvPath);
        await page.GetByTestId("cv-summary").WaitForAsync();
        await page.GetByLabel("Posting text").FillAsync(await File.ReadAllTextAsync(postingPath, cancellationToken));
        await page.GetByTestId("match-button").ClickAsync();
        await page.WaitForURLAsync(ReportAddress(), new() { Timeout = 120_000 });
        // The report page loads the saved report after it appears; callers read its rows straight away.
        await page.GetByTestId("requirement-text").First.WaitForAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    [GeneratedRegex("/reports/[0-9a-f-]{36}$")]
    private static partial Regex ReportAddress();
}
