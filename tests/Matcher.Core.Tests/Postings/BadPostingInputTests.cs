using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Microsoft.Extensions.Options;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Core.Tests.Postings;

public sealed class BadPostingInputTests
{
    [Theory]
    [InlineData("bad/empty.txt", "empty")]
    [InlineData("bad/binary.bin", "not a format")]
    [InlineData("bad/not-a-posting.txt", "No requirements or responsibilities")]
    [InlineData("bad/not-a-job-posting.json", "no schema.org JobPosting")]
    public void Rejects_unusable_posting_files_with_a_reason(string fixture, string reason)
    {
        var error = Assert.Throws<InputException>(() => Read(fixture));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_posting_over_the_size_limit()
    {
        var reader = new PostingReader(new DocumentReader(Options.Create(new DocumentReaderOptions { MaxBytes = 1024 })));

        var error = Assert.Throws<InputException>(() => reader.Read(File.ReadAllBytes(PathOf(Seed000)), "000.txt", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_blank_pasted_text()
    {
        Assert.Throws<InputException>(() => new PostingReader().ReadText("  \n\t "));
    }
}
