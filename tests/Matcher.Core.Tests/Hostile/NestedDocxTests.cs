using Matcher.Core.Cvs;
using Matcher.Core.Documents;

namespace Matcher.Core.Tests.Hostile;

public sealed class NestedDocxTests
{
    [Fact]
    public void The_hostile_file_is_small_and_a_real_docx()
    {
        var bytes = HostileFiles.NestedDocx(20_000);

        Assert.InRange(bytes.Length, 1, 10 * 1024);
        Assert.StartsWith("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_nested_twenty_thousand_levels_deep_is_refused_before_it_is_parsed()
    {
        var bytes = HostileFiles.NestedDocx(20_000);

        // Without the guard this test does not fail politely: the stack overflows and takes the test process down.
        var ex = Assert.Throws<InputException>(() => new DocumentReader().Read(bytes, "nested.docx", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("\"nested.docx\" is a DOCX whose text is nested more than 256 levels deep (in \"word/document.xml\"), far beyond any real document, so it was not opened. Save it again from Word, or upload PDF/TXT.", ex.Message);
    }

    [Fact]
    public void The_cv_reader_gives_the_same_clear_message()
    {
        var ex = Assert.Throws<InputException>(() => new CvReader().Read(HostileFiles.NestedDocx(20_000), "cv.docx", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("nested more than 256 levels deep", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, true)]   // each level is two elements: about 125 deep
    [InlineData(80, false)]  // about 165 deep
    public void The_limit_follows_the_option_and_a_document_within_it_is_read(int levels, bool read)
    {
        var reader = new DocumentReader(Microsoft.Extensions.Options.Options.Create(new DocumentReaderOptions { MaxXmlDepth = 150 }));
        var bytes = HostileFiles.NestedDocx(levels, "Ranger at Lakeside Park");

        if (read)
            Assert.Contains("Ranger at Lakeside Park", reader.Read(bytes, "ok.docx", cancellationToken: TestContext.Current.CancellationToken).Text, StringComparison.Ordinal);
        else
            Assert.Contains("nested more than 150 levels deep", Assert.Throws<InputException>(() => reader.Read(bytes, "deep.docx", cancellationToken: TestContext.Current.CancellationToken)).Message, StringComparison.Ordinal);
    }
}
