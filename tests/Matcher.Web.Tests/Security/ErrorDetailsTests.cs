using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Security;

/// <summary>A failure inside a page shows the plain error page, with no stack trace, unless details are asked for.</summary>
public sealed class ErrorDetailsTests
{
    private const string Secret = "connection string Password=hunter2 in a stack frame";

    /// <summary>Fails while the sign-in page renders its form; every other page works as usual.</summary>
    private sealed class FailingOnSignIn(IAntiforgery inner) : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
            httpContext.Request.Path == "/account/login" ? throw new InvalidOperationException(Secret) : inner.GetAndStoreTokens(httpContext);
        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);
        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);
        public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);
        public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SignInPageAsync(string environment, string? showDetails)
    {
        await using var factory = new WebAppFactory();
        await factory.AddUserAsync("ivy@example.org", Matcher.Core.Users.Roles.Candidate);
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            if (showDetails is not null)
                b.UseSetting("Matcher:ShowErrorDetails", showDetails);
            b.ConfigureServices(services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IAntiforgery));
                services.Remove(original);
                services.AddSingleton(original.ImplementationType!);
                services.AddSingleton<IAntiforgery>(sp => new FailingOnSignIn((IAntiforgery)sp.GetRequiredService(original.ImplementationType!)));
            });
        });
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/account/login", TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_failure_shows_the_plain_error_page_without_details_in_any_environment(string environment)
    {
        var (status, body) = await SignInPageAsync(environment, showDetails: null);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("Something went wrong", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_appear_only_when_asked_for()
    {
        var (status, body) = await SignInPageAsync("Development", showDetails: "true");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("hunter2", body, StringComparison.Ordinal);
    }
}
