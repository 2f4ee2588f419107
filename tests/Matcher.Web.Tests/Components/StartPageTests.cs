using Bunit;
using Matcher.Core.Users;
using Matcher.Web.Components.Account;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>Where each person starts, and the no-access message that points there.</summary>
public class StartPageTests : MudTestContext
{
    [Theory]
    [InlineData("/", Roles.Candidate, Roles.Advisor, Roles.Coordinator)]
    [InlineData("/sessions", Roles.Advisor, Roles.Coordinator)]
    [InlineData("/ranking", Roles.Coordinator)]
    [InlineData("/admin/users", Roles.Admin)]
    public void Each_role_starts_on_its_own_page(string expected, params string[] roles) =>
        Assert.Equal(expected, StartPage.For(new TestUser("someone", null, roles)));

    [Fact]
    public void An_account_without_a_role_has_no_start_page() => Assert.Null(StartPage.For(TestUser.WithoutRoles("someone")));

    private NavigationManager SignedInAs(string path, params string[] roles)
    {
        Services.AddSingleton<ICurrentUser>(new TestUser("someone", null, roles));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(path);
        return navigation;
    }

    [Fact]
    public void A_coordinator_arriving_at_the_start_address_is_taken_to_ranking()
    {
        var navigation = SignedInAs("/", Roles.Coordinator);

        Render<NoAccess>();

        Assert.Equal("/ranking", "/" + navigation.ToBaseRelativePath(navigation.Uri));
    }

    [Fact]
    public void On_a_page_a_coordinator_cannot_open_the_link_leads_to_ranking_not_back_to_the_start_address()
    {
        var navigation = SignedInAs("/sessions", Roles.Coordinator);

        var cut = Render<NoAccess>();

        Assert.Equal("/sessions", "/" + navigation.ToBaseRelativePath(navigation.Uri));
        var link = cut.Find("[data-testid=start-page-link]");
        Assert.Equal("/ranking", link.GetAttribute("href"));
        Assert.Equal("Ranking", link.TextContent.Trim());
        Assert.DoesNotContain(cut.FindAll("a"), a => a.GetAttribute("href") == "/");
    }

    [Fact]
    public void An_account_without_a_role_is_told_to_ask_for_one()
    {
        SignedInAs("/", []);

        var cut = Render<NoAccess>();

        Assert.Contains("no role yet", cut.Find("[data-testid=no-access]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=start-page-link]"));
    }
}
