using System.Net;
using Matcher.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Matcher.Web.Tests.Security;

/// <summary>
/// The real app in memory, as it runs in production, over an empty store: nothing here writes, so one app serves the
/// whole class.
/// </summary>
public sealed class ProductionApp : IAsyncDisposable
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("matcher-headers-").FullName;

    public ProductionApp()
    {
        Stores.MigratedSqlite.CopyTo(Path.Combine(_dataFolder, "matcher.db"));
        App = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Matcher:DataFolder", _dataFolder);
        });
    }

    public WebApplicationFactory<Program> App { get; }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Every kind of response carries the same security headers.</summary>
public sealed class SecurityHeadersTests(ProductionApp production) : IClassFixture<ProductionApp>
{
    private readonly WebApplicationFactory<Program> _app = production.App;

    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/", HttpStatusCode.Redirect },           // a page, sent to first-run setup
        { "/setup", HttpStatusCode.OK },            // the page shell
        { "/app.css", HttpStatusCode.OK },          // a static file
        { "/js/matcher.js", HttpStatusCode.OK },      // a script the pages load
        { "/reports/00000000-0000-0000-0000-000000000001/report.json", HttpStatusCode.Redirect }, // a download endpoint, sent to sign in
        { "/no-such-page", HttpStatusCode.NotFound }, // the not-found page, written after re-execution
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_content_security_policy_and_the_other_headers(string path, HttpStatusCode status)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{path} answered {(int)response.StatusCode} without a Content-Security-Policy.");
        foreach (var (name, value) in SecurityHeaders.All)
            Assert.Equal(value, Assert.Single(response.Headers.GetValues(name)));
    }

    [Fact]
    public async Task The_policy_allows_scripts_only_from_the_app_and_forbids_framing()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/setup", TestContext.Current.CancellationToken);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_page_shell_has_no_inline_script()
    {
        using var client = _app.CreateClient();

        var html = await client.GetStringAsync("/setup", TestContext.Current.CancellationToken);

        // Every script element must load a file; script-src 'self' blocks any inline one (an import map included).
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attrs>[^>]*)>");
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains("src=", s.Groups["attrs"].Value, StringComparison.Ordinal));
        Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
    }
}
