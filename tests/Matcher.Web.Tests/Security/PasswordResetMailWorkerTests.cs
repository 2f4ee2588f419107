using Matcher.Data.Entities;
using Matcher.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Web.Tests.Security;

/// <summary>Queued reset links reach the mail server even when it is briefly down, and one bad mail does not stop the rest.</summary>
public sealed class PasswordResetMailWorkerTests
{
    /// <summary>Refuses an attempt when <c>refuses(address, attempt)</c> says so, and records what it sends.</summary>
    private sealed class FlakyMail(Func<string, int, bool> refuses) : IEmailSender<MatcherUser>
    {
        private readonly Dictionary<string, int> _attempts = [];
        public System.Threading.Channels.Channel<string> Sent { get; } = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public int AttemptsFor(string email) { lock (_attempts) return _attempts.GetValueOrDefault(email); }

        public Task SendPasswordResetLinkAsync(MatcherUser user, string email, string resetLink)
        {
            lock (_attempts)
            {
                var attempt = _attempts[email] = _attempts.GetValueOrDefault(email) + 1;
                if (refuses(email, attempt))
                    throw new IOException("Connection refused");
            }
            Sent.Writer.TryWrite(resetLink);
            return Task.CompletedTask;
        }

        public Task SendConfirmationLinkAsync(MatcherUser user, string email, string confirmationLink) => Task.CompletedTask;
        public Task SendPasswordResetCodeAsync(MatcherUser user, string email, string resetCode) => Task.CompletedTask;
    }

    private static PasswordResetMail Mail(string email) => new(new MatcherUser { Email = email, UserName = email }, email, $"https://matcher.example/reset?email={email}");

    private static async Task<string> NextSentAsync(FlakyMail mail)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await mail.Sent.Reader.ReadAsync(timeout.Token);
    }

    [Fact]
    public async Task A_mail_server_that_refuses_twice_still_gets_the_link_on_the_third_try()
    {
        var queue = new PasswordResetMailQueue();
        var mail = new FlakyMail((_, attempt) => attempt <= 2);
        using var worker = new PasswordResetMailWorker(queue, mail, NullLogger<PasswordResetMailWorker>.Instance)
        {
            RetryDelays = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)],
        };
        await worker.StartAsync(TestContext.Current.CancellationToken);

        queue.Enqueue(Mail("ana@example.org"));

        Assert.Equal("https://matcher.example/reset?email=ana@example.org", await NextSentAsync(mail));
        Assert.Equal(3, mail.AttemptsFor("ana@example.org"));
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task After_the_last_try_the_worker_gives_up_on_that_mail_and_sends_the_next()
    {
        var queue = new PasswordResetMailQueue();
        var mail = new FlakyMail((email, attempt) => email.StartsWith("bo@", StringComparison.Ordinal) || attempt == 1);
        using var worker = new PasswordResetMailWorker(queue, mail, NullLogger<PasswordResetMailWorker>.Instance)
        {
            RetryDelays = [TimeSpan.FromMilliseconds(10)],
        };
        await worker.StartAsync(TestContext.Current.CancellationToken);

        queue.Enqueue(Mail("bo@example.org"));
        queue.Enqueue(Mail("cy@example.org"));

        // bo's mail box refuses both tries and is given up; cy's first try fails, the retry goes through.
        Assert.Equal("https://matcher.example/reset?email=cy@example.org", await NextSentAsync(mail));
        Assert.Equal(2, mail.AttemptsFor("bo@example.org"));
        Assert.Equal(2, mail.AttemptsFor("cy@example.org"));
        await worker.StopAsync(TestContext.Current.CancellationToken);
    }
}
