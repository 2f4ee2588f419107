using Matcher.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Matcher.EndToEnd.Tests;

/// <summary>
/// Every page works in real Chromium under the app's Content-Security-Policy: the header is sent, nothing
/// the pages do is refused (a refused script or WebSocket would also leave a console error), and the
/// circuit still connects.
/// </summary>
public class SecurityPolicyTests : SharedAppTest
{
    // Runs before any page script in every document, outside the page's policy; records refusals and print requests.
    private const string Recorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
        window.__printRequests = 0;
        window.print = () => { window.__printRequests++; };
        """;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Page.AddInitScriptAsync(Recorder);
    }

    private async Task AssertNoViolationsAsync(string path)
    {
        var violations = await Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, $"{path}: " + string.Join("\n", violations));
    }

    private static void AssertHasPolicy(IResponse? response, string what)
    {
        Assert.NotNull(response);
        Assert.True(response.Headers.TryGetValue("content-security-policy", out var policy), $"{what} has no Content-Security-Policy.");
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_runs_under_the_policy_without_a_violation()
    {
        var report = await CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));
        await AssertNoViolationsAsync("/ (while matching)");

        foreach (var path in new[] { "/", "/sessions", "/postings", "/ranking", "/settings", report })
        {
            var response = await Page.GotoAsync(path);
            AssertHasPolicy(response, path);
            await Page.Locator("main h1").First.WaitForAsync();
            // The theme switch answers only through the circuit's WebSocket, so this proves connect-src lets it through.
            await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).WaitForAsync();
            await AssertNoViolationsAsync(path);
        }

        // The print button works without an inline handler.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Print" }).ClickAsync();
        // The button asks the browser to print through the circuit, so the request arrives a moment later.
        await Page.WaitForFunctionAsync("() => window.__printRequests === 1");
        await AssertNoViolationsAsync(report + " after printing");
        AssertNoPageErrors();
    }

    [Fact]
    public async Task Downloads_and_static_files_carry_the_policy()
    {
        var report = await CheckFitAsync(RepositoryPaths.Fixture("e2e", "priya-raman-cv.md"), RepositoryPaths.Fixture("e2e", "amazon-prime-video-mle.txt"));

        foreach (var path in new[] { report + "/report.docx", report + "/report.csv", report + "/report.json", "/app.css", "/js/matcher.js" })
        {
            var response = await Page.APIRequest.GetAsync(path);
            Assert.Equal(200, response.Status);
            Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
            Assert.Equal("DENY", response.Headers["x-frame-options"]);
            Assert.True(response.Headers.TryGetValue("content-security-policy", out var policy), $"{path} has no Content-Security-Policy.");
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        }
        AssertNoPageErrors();
    }
}
