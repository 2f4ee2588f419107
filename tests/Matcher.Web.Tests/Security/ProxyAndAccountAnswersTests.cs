using System.Net;
using Matcher.Core.Users;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Matcher.Web.Components.Account.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher.Web.Tests.Security;

/// <summary>HSTS, Secure cookies and forwarded headers behind a proxy; sign-in and registration answers that do not tell which addresses have accounts.</summary>
public sealed class ProxyAndAccountAnswersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebApplicationFactory<Program> App(WebAppFactory factory, Dictionary<string, string> settings, Action<IServiceCollection>? services = null) =>
        factory.WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
                web.UseSetting(key, value);
            web.ConfigureServices(s =>
            {
                // The in-memory server has no client address; a proxy on this machine connects from loopback.
                s.AddSingleton<IStartupFilter, FromLoopback>();
                services?.Invoke(s);
            });
        });

    private static HttpClient Client(WebApplicationFactory<Program> app, string baseAddress) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    private static async Task<HttpResponseMessage> LoginPageAsync(HttpClient client, string? forwardedProto = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(request, Ct);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task Https_responses_carry_hsts_and_plain_http_ones_do_not()
    {
        await using var factory = new WebAppFactory();
        await using var app = App(factory, []);

        var secure = await LoginPageAsync(Client(app, "https://matcher.example.org/"));
        var plain = await LoginPageAsync(Client(app, "http://matcher.example.org/"));

        Assert.True(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_proxy_its_forwarded_scheme_counts_only_when_configured()
    {
        await using var factory = new WebAppFactory();
        await using var trusting = App(factory, new() { ["Matcher:Proxy:ForwardedHeaders"] = "true" });
        await using var factory2 = new WebAppFactory();
        await using var ignoring = App(factory2, []);
        // Until an administrator exists every page leads to set-up, which sets no form cookie.
        await AddUserAsync(trusting, "gus@example.org");

        var forwarded = await LoginPageAsync(Client(trusting, "http://matcher.example.org/"), forwardedProto: "https");
        var ignored = await LoginPageAsync(Client(ignoring, "http://matcher.example.org/"), forwardedProto: "https");

        Assert.True(forwarded.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains(Cookies(forwarded), c => c.Contains("antiforgery", StringComparison.OrdinalIgnoreCase) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(ignored.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_an_https_public_address_the_sign_in_cookie_is_secure_even_on_a_plain_request()
    {
        await using var factory = new WebAppFactory();
        await using var https = App(factory, new() { ["Matcher:PublicBaseAddress"] = "https://matcher.example.org/" });
        await using var factory2 = new WebAppFactory();
        await using var local = App(factory2, []);
        await AddUserAsync(https, "gus@example.org");
        await AddUserAsync(local, "gus@example.org");

        var fromHttpsInstall = await SignInCookieAsync(https);
        var fromLocalInstall = await SignInCookieAsync(local);

        Assert.Contains("secure", fromHttpsInstall, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", fromLocalInstall, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", fromLocalInstall, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost/") });
        var response = await WebAppFactory.PostSignInAsync(client, "gus@example.org", WebAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(Cookies(response), c => c.StartsWith("matcher.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_answers_alike_for_an_unknown_address_a_wrong_password_and_a_locked_account()
    {
        await using var factory = new WebAppFactory();
        await using var app = App(factory, new() { ["Matcher:Accounts:SignInAttemptsPerMinute"] = "100" });
        await AddUserAsync(app, "dora@example.org");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answers = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await (await WebAppFactory.PostSignInAsync(client, "dora@example.org", "not the password at all")).Content.ReadAsStringAsync(Ct));
            answers.Add(await (await WebAppFactory.PostSignInAsync(client, "nobody@example.org", "not the password at all")).Content.ReadAsStringAsync(Ct));
        }

        // The last answers for dora come from a locked account; they read like the others.
        Assert.All(answers, a => Assert.Contains(Login.FailedMessage, a, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.DoesNotContain("This account is locked", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_address_still_has_a_password_checked()
    {
        var hasher = new CountingHasher();
        await using var factory = new WebAppFactory();
        await using var app = App(factory, [], s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<MatcherUser>>(hasher)));
        await AddUserAsync(app, "erin@example.org");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = hasher.Verifications;

        await WebAppFactory.PostSignInAsync(client, "nobody@example.org", "not the password at all");

        Assert.Equal(before + 1, hasher.Verifications);
    }

    [Fact]
    public async Task Registering_a_taken_address_does_not_say_it_is_taken_and_other_errors_hide_it()
    {
        await using var factory = new WebAppFactory();
        await using var app = App(factory, []);
        await AddUserAsync(app, "fay@example.org");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var taken = await RegisterAsync(client, "fay@example.org", "a long enough password");
        var takenAndShort = await RegisterAsync(client, "fay@example.org", "short");

        Assert.Contains(NeutralIdentityErrors.TakenAddress, taken, StringComparison.Ordinal);
        Assert.DoesNotContain("already taken", taken, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(NeutralIdentityErrors.TakenAddress, takenAndShort, StringComparison.Ordinal);
    }

    private static async Task<string> RegisterAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/register", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "register",
            ["Input.DisplayName"] = "Someone",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }), Ct);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task AddUserAsync(WebApplicationFactory<Program> app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserDirectory>()
            .CreateAsync(email, email.Split('@')[0], WebAppFactory.Password, [Roles.Candidate], Ct);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }

    private sealed class CountingHasher : IPasswordHasher<MatcherUser>
    {
        private readonly PasswordHasher<MatcherUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(MatcherUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(MatcherUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
