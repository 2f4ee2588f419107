using Matcher.Data.Entities;
using Matcher.Web.Accounts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Tests.Security;

/// <summary>The reset mail goes out over SMTP to the person, with the link in its text.</summary>
public sealed class SmtpEmailSenderTests
{
    [Fact]
    public async Task A_reset_link_is_sent_to_the_account_address_through_the_configured_server()
    {
        await using var server = new LoopbackSmtpServer();
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, UseStartTls = false, From = "matcher@example.org" });
        var sender = new SmtpEmailSender(options, NullLogger<SmtpEmailSender>.Instance);
        var user = new MatcherUser { Email = "hana@example.org", DisplayName = "Hana" };

        await sender.SendPasswordResetLinkAsync(user, "hana@example.org", "http://localhost:5180/account/reset-password?email=hana%40example.org&code=abc123");

        var message = Assert.Single(server.Messages);
        Assert.Equal(["hana@example.org"], message.To);
        Assert.Contains("matcher@example.org", message.From, StringComparison.Ordinal);
        Assert.Contains("Subject: Reset your Matcher password", message.Data, StringComparison.Ordinal);
        Assert.Contains("code=abc123", message.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_mail_server_fails_loudly_instead_of_pretending_the_mail_went_out()
    {
        var port = new LoopbackSmtpServer() is var probe ? probe.Port : 0;
        await probe.DisposeAsync();
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, UseStartTls = false });
        var sender = new SmtpEmailSender(options, NullLogger<SmtpEmailSender>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendPasswordResetLinkAsync(new MatcherUser { Email = "a@example.org" }, "a@example.org", "http://x/reset"));
    }
}
