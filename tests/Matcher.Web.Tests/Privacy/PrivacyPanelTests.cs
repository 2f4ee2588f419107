using Bunit;
using Matcher.Core;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Account;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Privacy;
using Matcher.Web.Tests.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Matcher.Web.Tests.Privacy;

/// <summary>The "Your data" panel: download link, and deletion only after typing DELETE.</summary>
public sealed class PrivacyPanelTests : MudTestContext
{
    private readonly SqliteStore _store = new();
    private readonly TestUser _user = new("carla-1") { DisplayName = "Carla" };

    public PrivacyPanelTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Matcher:Privacy:RetentionDays"] = "90" }).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddLogging();
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<TimeProvider>(TestTime.Clock());
        Services.AddMatcherEngine(configuration);
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddMatcherApplication();

        using var db = _store.CreateDbContext();
        db.Users.Add(new MatcherUser { Id = _user.Id, UserName = "carla@example.org", Email = "carla@example.org", DisplayName = "Carla" });
        db.Sessions.Add(new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = _user.Id, Title = "Carla · Ranger" });
        db.SaveChanges();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderPanel() => Render(builder =>
    {
        builder.OpenComponent<MudDialogProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<PrivacyPanel>(1);
        builder.CloseComponent();
    });

    [Fact]
    public void Download_links_to_the_zip_endpoint()
    {
        var cut = RenderPanel();

        Assert.Equal("/account/my-data.zip", cut.Find("[data-testid=download-my-data]").GetAttribute("href"));
    }

    [Fact]
    public async Task Deleting_needs_the_word_DELETE_then_erases_and_leaves_for_the_signed_out_page()
    {
        var cut = RenderPanel();
        cut.Find("[data-testid=delete-my-data]").Click();
        var confirm = () => cut.Find("[data-testid=delete-confirm]");
        cut.WaitForAssertion(() => Assert.True(confirm().HasAttribute("disabled")));

        var text = cut.FindComponent<MudTextField<string>>();
        await cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("delete"));
        Assert.True(confirm().HasAttribute("disabled"));
        await cut.InvokeAsync(() => text.Instance.ValueChanged.InvokeAsync("DELETE"));
        cut.WaitForAssertion(() => Assert.False(confirm().HasAttribute("disabled")));
        confirm().Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/account/logout-deleted", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        using var db = _store.CreateDbContext();
        Assert.Empty(db.Sessions);
        Assert.Empty(db.Users);
    }

    [Fact]
    public void Settings_show_the_retention_period()
    {
        var cut = Render<Settings>();

        Assert.Equal("90 days", cut.Find("[data-testid=retention-period]").TextContent.Trim());
    }
}
