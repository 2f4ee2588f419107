using MailKit.Net.Smtp;
using MailKit.Security;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Matcher.Web.Accounts;

/// <summary>Sends account mail through the configured SMTP server.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender<MatcherUser>
{
    public Task SendConfirmationLinkAsync(MatcherUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your Matcher account", $"Confirm your account by opening this link:\n\n{confirmationLink}\n");

    public Task SendPasswordResetLinkAsync(MatcherUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your Matcher password",
            $"Someone asked to reset the password of your Matcher account. If it was you, open this link:\n\n{resetLink}\n\nIf it was not you, ignore this mail; your password stays as it is.\n");

    public Task SendPasswordResetCodeAsync(MatcherUser user, string email, string resetCode) =>
        SendAsync(email, "Your Matcher reset code", $"Your reset code is {resetCode}\n");

    private async Task SendAsync(string to, string subject, string body)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
        if (settings.UserName.Length > 0)
            await client.AuthenticateAsync(settings.UserName, settings.Password);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        logger.LogInformation("Sent \"{Subject}\" to a user by SMTP via {Host}", subject, settings.Host);
    }
}

/// <summary>
/// Without an SMTP server the reset link goes to the log, where the person running the install can pass
/// it on. The link is a one-time secret, so it is logged at warning level only for that purpose.
/// </summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> logger) : IEmailSender<MatcherUser>
{
    public Task SendConfirmationLinkAsync(MatcherUser user, string email, string confirmationLink)
    {
        logger.LogWarning("No SMTP server is configured (Matcher:Smtp:Host). Confirmation link for {Email}: {Link}", email, confirmationLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(MatcherUser user, string email, string resetLink)
    {
        logger.LogWarning("No SMTP server is configured (Matcher:Smtp:Host). Password reset link for {Email}: {Link}", email, resetLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(MatcherUser user, string email, string resetCode)
    {
        logger.LogWarning("No SMTP server is configured (Matcher:Smtp:Host). Password reset code for {Email}: {Code}", email, resetCode);
        return Task.CompletedTask;
    }
}
