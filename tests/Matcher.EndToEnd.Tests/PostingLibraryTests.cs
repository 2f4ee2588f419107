using System.Text.RegularExpressions;
using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

public class PostingLibraryTests : SharedAppTest
{
    private static readonly string Seed = RepositoryPaths.Fixture("postings", "seeds", "003_7e7ab98c923b615e.txt");

    [Fact]
    public async Task An_imported_posting_keeps_an_edited_requirement_and_a_new_name_after_a_reload()
    {
        await Page.GotoAsync("/postings");
        await Page.Locator("[data-testid=posting-import-upload][data-ready=true]").WaitForAsync();
        await Page.Locator("[data-testid=posting-import-upload] input[type=file]").SetInputFilesAsync(Seed);
        await Page.GetByText("003_7e7ab98c923b615e.txt").WaitForAsync();
        await Page.GetByTestId("import-button").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/postings/[0-9a-f-]{36}$"));

        var rows = Page.GetByTestId("posting-requirement");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Edit requirement 2" }).ClickAsync();
        await Page.GetByLabel("Requirement text").FillAsync("Three years of Scala in production");
        await Page.GetByTestId("requirement-done").ClickAsync();
        await Page.GetByTestId("save-requirements").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("requirements-saved")).ToBeVisibleAsync();

        await Page.ReloadAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(rows.Nth(1)).ToHaveTextAsync("Three years of Scala in production");

        // The seed names no job, so its owner names it; the name outlives a reload and shows in the library.
        var title = Page.GetByTestId("posting-title");
        await Assertions.Expect(title).ToHaveTextAsync("Untitled position");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rename posting" }).ClickAsync();
        await Page.GetByLabel("Posting name").FillAsync("Machine Learning Engineer, Prime Video");
        await Page.GetByLabel("Posting name").PressAsync("Enter");
        await Assertions.Expect(title).ToHaveTextAsync("Machine Learning Engineer, Prime Video");
        await Page.ReloadAsync();
        await Assertions.Expect(title).ToHaveTextAsync("Machine Learning Engineer, Prime Video");
        await Assertions.Expect(rows.Nth(1)).ToHaveTextAsync("Three years of Scala in production");

        var postingUrl = new Uri(Page.Url).AbsolutePath;
        await Page.GotoAsync("/postings");
        await Assertions.Expect(Page.Locator($"[data-testid=postings] a[href='{postingUrl}']")).ToHaveTextAsync("Machine Learning Engineer, Prime Video");
        AssertNoPageErrors();
    }
}
