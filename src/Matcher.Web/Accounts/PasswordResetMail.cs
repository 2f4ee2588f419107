using System.Threading.Channels;
using Matcher.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Matcher.Web.Accounts;

/// <summary>A reset link waiting to be mailed.</summary>
public sealed record PasswordResetMail(MatcherUser User, string Email, string Link);

/// <summary>
/// Reset links leave through a queue, so the "forgot password" answer is the same, and as quick, whether or
/// not the address has an account and whether or not the mail server is up: neither the wording nor the
/// time taken tells a stranger which addresses are registered.
/// </summary>
public sealed class PasswordResetMailQueue
{
    // Bounded so a flood of requests cannot grow memory; the oldest waiting link gives way.
    private readonly Channel<PasswordResetMail> _waiting = Channel.CreateBounded<PasswordResetMail>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(PasswordResetMail mail) => _waiting.Writer.TryWrite(mail);

    internal ChannelReader<PasswordResetMail> Reader => _waiting.Reader;
}

/// <summary>Sends queued reset links, trying a few times when the mail server does not answer.</summary>
public sealed class PasswordResetMailWorker(
    PasswordResetMailQueue queue,
    IEmailSender<MatcherUser> sender,
    ILogger<PasswordResetMailWorker> logger) : BackgroundService
{
    /// <summary>Pauses between attempts; a test shortens them.</summary>
    internal TimeSpan[] RetryDelays { get; init; } = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
            await SendAsync(mail, stoppingToken);
    }

    private async Task SendAsync(PasswordResetMail mail, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await sender.SendPasswordResetLinkAsync(mail.User, mail.Email, mail.Link);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt >= RetryDelays.Length)
                {
                    // The person is told to ask an administrator when no mail comes; this is what the administrator finds.
                    logger.LogError(ex, "Gave up sending a password reset mail after {Attempts} attempts; check Matcher:Smtp", attempt + 1);
                    return;
                }
                logger.LogWarning(ex, "Could not send a password reset mail (attempt {Attempt}); trying again", attempt + 1);
                await Task.Delay(RetryDelays[attempt], ct);
            }
        }
    }
}
