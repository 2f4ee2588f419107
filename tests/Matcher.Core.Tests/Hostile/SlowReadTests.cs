using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Core.Tests.Hostile;

/// <summary>
/// A read that takes longer than its budget is refused with a message, and a read no one waits for stops at its next
/// page or block. Time is a clock that moves one second each time the reader looks at it, so the reader's checks are
/// counted instead of timed.
/// </summary>
public sealed class SlowReadTests
{
    private const int Pages = 40;

    /// <summary>One second passes at each reading; at reading <see cref="CancelAt"/> it stops the read's caller.</summary>
    private sealed class CheckCountingClock(CancellationTokenSource? caller = null, int cancelAt = 0) : TimeProvider
    {
        public int Readings { get; private set; }

        public int CancelAt => cancelAt;

        public override long TimestampFrequency => 1;

        public override long GetTimestamp()
        {
            Readings++;
            if (Readings == cancelAt)
                caller!.Cancel();
            return Readings;
        }
    }

    private static DocumentReader Reader(TimeProvider clock, TimeSpan budget) =>
        new(Options.Create(new DocumentReaderOptions { ReadTimeBudget = budget }), clock);

    public static TheoryData<string, byte[]> SlowFiles => new()
    {
        { "long.pdf", HostileFiles.ManyPagePdf(Pages) },
        { "long.docx", HostileFiles.ManyParagraphDocx(2_000) },
    };

    [Theory]
    [MemberData(nameof(SlowFiles))]
    public void A_file_within_every_size_limit_is_read_when_time_is_not_short(string name, byte[] bytes)
    {
        var content = new DocumentReader().Read(bytes, name, TestContext.Current.CancellationToken);

        Assert.Contains(name.EndsWith(".pdf", StringComparison.Ordinal) ? "Line 40: Python" : "Paragraph 2000: built", content.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SlowFiles))]
    public void A_read_over_its_budget_is_refused_with_what_to_do_instead(string name, byte[] bytes)
    {
        var clock = new CheckCountingClock();

        var error = Assert.Throws<InputException>(() => Reader(clock, TimeSpan.FromSeconds(5)).Read(bytes, name, TestContext.Current.CancellationToken));

        Assert.Equal($"\"{name}\" took too long to read (more than 5 seconds), so reading it was stopped. Save it as a smaller PDF (the CV itself, a few pages), or as DOCX/TXT, and upload that.", error.Message);
        // The sixth check is over five seconds: reading stopped there, not at the end of the file.
        Assert.Equal(7, clock.Readings);
    }

    [Theory]
    [MemberData(nameof(SlowFiles))]
    public void A_cancelled_read_stops_at_its_next_check(string name, byte[] bytes)
    {
        using var caller = new CancellationTokenSource();
        var clock = new CheckCountingClock(caller, cancelAt: 4);

        Assert.Throws<OperationCanceledException>(() => Reader(clock, Timeout.InfiniteTimeSpan).Read(bytes, name, caller.Token));

        // Read to the end, the PDF is checked three times a page and the DOCX once a paragraph.
        Assert.Equal(clock.CancelAt, clock.Readings);
    }

    [Fact]
    public void The_cv_and_posting_readers_pass_the_callers_cancellation_to_the_document_reader()
    {
        using var caller = new CancellationTokenSource();
        var bytes = HostileFiles.ManyPagePdf(Pages);
        var cvClock = new CheckCountingClock(caller, cancelAt: 3);
        var documents = Reader(cvClock, Timeout.InfiniteTimeSpan);

        Assert.Throws<OperationCanceledException>(() => new CvReader(documents, TimeProvider.System).Read(bytes, "cv.pdf", caller.Token));
        Assert.Equal(3, cvClock.Readings);

        using var again = new CancellationTokenSource();
        var postingClock = new CheckCountingClock(again, cancelAt: 3);
        Assert.Throws<OperationCanceledException>(() => new PostingReader(Reader(postingClock, Timeout.InfiniteTimeSpan)).Read(bytes, "posting.pdf", again.Token));
        Assert.Equal(3, postingClock.Readings);
    }

    [Fact]
    public void The_budget_is_read_from_the_uploads_settings_the_web_app_and_the_cli_share()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Matcher:Uploads:ReadTimeBudget"] = "00:00:07" })
            .Build();
        using var services = new ServiceCollection().AddMatcherEngine(configuration).BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(7), services.GetRequiredService<IOptions<DocumentReaderOptions>>().Value.ReadTimeBudget);
        Assert.Equal(TimeSpan.FromSeconds(20), new DocumentReaderOptions().ReadTimeBudget);
    }
}
