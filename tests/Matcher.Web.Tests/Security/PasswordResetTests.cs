using System.Net;
using System.Text.RegularExpressions;
using Matcher.Core.Users;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Matcher.Web.Tests.Security;

/// <summary>"Forgot your password" end to end over HTTP, with the mail caught on its way out.</summary>
public sealed partial class PasswordResetTests
{
    private sealed class CapturedMail : IEmailSender<MatcherUser>
    {
        private readonly System.Threading.Channels.Channel<(string To, string Link)> _links = System.Threading.Channels.Channel.CreateUnbounded<(string, string)>();
        public Task SendConfirmationLinkAsync(MatcherUser user, string email, string confirmationLink) => Task.CompletedTask;
        public Task SendPasswordResetCodeAsync(MatcherUser user, string email, string resetCode) => Task.CompletedTask;

        public Task SendPasswordResetLinkAsync(MatcherUser user, string email, string resetLink)
        {
            _links.Writer.TryWrite((email, resetLink));
            return Task.CompletedTask;
        }

        /// <summary>The next link sent; mail leaves from a background queue, so it may come a moment later.</summary>
        public async Task<(string To, string Link)> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            return await _links.Reader.ReadAsync(timeout.Token);
        }

        public bool AnyWaiting => _links.Reader.TryPeek(out _);
    }

    [Fact]
    public async Task The_mailed_link_sets_a_new_password_once_and_an_unknown_address_gets_the_same_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        var mail = new CapturedMail();
        await using var factory = new WebAppFactory();
        await factory.AddUserAsync("fay@example.org", Roles.Candidate);
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IEmailSender<MatcherUser>>(mail))));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var unknown = await PostFormAsync(client, "/account/forgot-password", "forgot-password", new() { ["Input.Email"] = "nobody@example.org" });
        var known = await PostFormAsync(client, "/account/forgot-password", "forgot-password", new() { ["Input.Email"] = "fay@example.org" });
        Assert.Contains("a link to choose a new password is on its way", unknown, StringComparison.Ordinal);
        Assert.Contains("a link to choose a new password is on its way", known, StringComparison.Ordinal);
        // The unknown address was asked first and the queue keeps order, so the first mail shows it sent nothing.
        var (to, link) = await mail.NextAsync();
        Assert.Equal("fay@example.org", to);
        Assert.False(mail.AnyWaiting);
        Assert.NotEmpty(StatusText(known));
        Assert.Equal(StatusText(unknown), StatusText(known));

        var resetPath = new Uri(link).PathAndQuery;
        var form = await client.GetStringAsync(resetPath, ct);
        var code = HiddenCode().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = "fay@example.org", ["Input.Code"] = WebUtility.HtmlDecode(code),
            ["Input.Password"] = "a brand new passphrase", ["Input.ConfirmPassword"] = "a brand new passphrase",
        };
        var reset = await PostAsync(client, resetPath, "reset-password", fields);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.EndsWith("/account/login?reset=true", reset.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFactory.PostSignInAsync(client, "fay@example.org", "a brand new passphrase")).StatusCode);
        var reused = await PostAsync(client, resetPath, "reset-password", fields);
        Assert.Contains("not valid any more", await reused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://matcher.example.org/", "https://matcher.example.org/account/reset-password?")]
    [InlineData("https://example.org/matcher", "https://example.org/matcher/account/reset-password?")]
    [InlineData("", "http://localhost/account/reset-password?")]
    public async Task The_reset_link_starts_with_the_configured_public_address_whatever_host_the_request_names(string configured, string expected)
    {
        var mail = new CapturedMail();
        await using var factory = new WebAppFactory();
        await factory.AddUserAsync("hal@example.org", Roles.Candidate);
        await using var app = factory.WithWebHostBuilder(b => b
            .UseSetting("Matcher:PublicBaseAddress", configured)
            .ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IEmailSender<MatcherUser>>(mail))));
        // The attacker sends the victim's address with a Host header of their own.
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://attacker.example/") });

        var answer = await PostFormAsync(client, "/account/forgot-password", "forgot-password", new() { ["Input.Email"] = "hal@example.org" });
        Assert.Contains("a link to choose a new password is on its way", answer, StringComparison.Ordinal);

        var (to, link) = await mail.NextAsync();
        Assert.Equal("hal@example.org", to);
        Assert.StartsWith(expected, link, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", link, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("code=", link, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_address_that_is_not_an_absolute_web_address_stops_the_start_with_a_clear_message()
    {
        using var factory = new WebAppFactory();
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Matcher:PublicBaseAddress", "matcher.example.org"));

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Matcher:PublicBaseAddress must be the absolute http or https address", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_changes_their_password_only_with_the_current_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new WebAppFactory();
        await app.AddUserAsync("gil@example.org", Roles.Candidate);
        var client = await app.SignedInAsync("gil@example.org");

        var wrong = await PostFormAsync(client, "/account/password", "change-password", new()
        {
            ["Input.CurrentPassword"] = "not my password at all", ["Input.NewPassword"] = "another fine passphrase", ["Input.ConfirmPassword"] = "another fine passphrase",
        });
        Assert.Contains("The current password is not right.", wrong, StringComparison.Ordinal);

        var right = await PostFormAsync(client, "/account/password", "change-password", new()
        {
            ["Input.CurrentPassword"] = WebAppFactory.Password, ["Input.NewPassword"] = "another fine passphrase", ["Input.ConfirmPassword"] = "another fine passphrase",
        });
        Assert.Contains("Your password is changed.", right, StringComparison.Ordinal);

        var fresh = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await WebAppFactory.PostSignInAsync(fresh, "gil@example.org", WebAppFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WebAppFactory.PostSignInAsync(fresh, "gil@example.org", "another fine passphrase")).StatusCode);
    }

    private static async Task<string> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields) =>
        await (await PostAsync(client, path, handler, fields)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        fields["_handler"] = handler;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    /// <summary>The answer the page gives after the form is sent.</summary>
    private static string StatusText(string page) => StatusParagraph().Match(page).Groups[1].Value;

    [GeneratedRegex("<p role=\"status\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex StatusParagraph();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Input.Code\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenCode();
}
