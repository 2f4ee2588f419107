using Matcher.Core.Documents;

namespace Matcher.Core.Tests.Hostile;

/// <summary>
/// PDFs that would exhaust memory or a core are refused with a message, within a stated memory cap (the bytes
/// this thread allocates during the read), and the same kind of PDF within the limits is still read.
/// </summary>
public sealed class HostilePdfTests
{
    // The compressed streams are unpacked into one reused buffer and never kept, so refusing a bomb allocates
    // about the size of the file; the reader itself held 3.9 GB for a 1.5 MB one.
    private const long AllocationCap = 16L * 1024 * 1024;

    private static (InputException Error, long Allocated) Refuse(byte[] bytes, DocumentReaderOptions? options = null)
    {
        var reader = new DocumentReader(Microsoft.Extensions.Options.Options.Create(options ?? new DocumentReaderOptions()));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InputException>(() => reader.Read(bytes, "cv.pdf"));
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_compressed_bomb_is_small()
    {
        Assert.InRange(HostileFiles.CompressedBombPdf(64L * 1024 * 1024).Length, 1, 256 * 1024);
    }

    [Fact]
    public void A_stream_that_unpacks_beyond_the_stream_limit_is_refused_within_the_memory_cap()
    {
        var (error, allocated) = Refuse(HostileFiles.CompressedBombPdf(64L * 1024 * 1024));

        Assert.Equal("\"cv.pdf\" was rejected: one of its compressed streams unpacks to more than 16 MB, far beyond any real CV, so it was not opened. Export the CV again from the original document, or upload DOCX/TXT.", error.Message);
        Assert.InRange(allocated, 0, AllocationCap);
    }

    [Fact]
    public void A_compressed_page_within_the_limit_is_read()
    {
        var content = new DocumentReader().Read(HostileFiles.CompressedBombPdf(1024 * 1024), "cv.pdf", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("A CV with a large page", content.Text.Trim());
    }

    [Fact]
    public void The_document_limit_counts_all_streams_together()
    {
        var (error, _) = Refuse(HostileFiles.CompressedBombPdf(3L * 1024 * 1024), new DocumentReaderOptions { MaxPdfStreamsBytes = 2L * 1024 * 1024 });

        Assert.Contains("its compressed streams unpack to more than 2 MB together", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_120000_glyphs_is_refused_before_its_words_are_laid_out()
    {
        var (error, allocated) = Refuse(HostileFiles.ManyGlyphPdf(120_000));

        Assert.Equal("\"cv.pdf\" is a PDF too large to read in reasonable time: page 1 draws 120,000 characters; a CV page has about 5,000 and the limit is 30,000. Upload the CV itself (a few pages), or save it as DOCX/TXT.", error.Message);
        // Reading the letters is linear; laying out 120,000 of them into words and blocks is what took minutes.
        Assert.InRange(allocated, 0, 512L * 1024 * 1024);
    }

    [Fact]
    public void A_page_within_the_letter_limit_is_read()
    {
        var content = new DocumentReader(Microsoft.Extensions.Options.Options.Create(new DocumentReaderOptions())).Read(HostileFiles.ManyGlyphPdf(2_000), "cv.pdf", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2_000, content.Text.Count(c => c == 'x'));
    }
}

/// <summary>A document of tens of thousands of lines is refused when read, before any matching starts.</summary>
public sealed class LongDocumentTests
{
    private static byte[] Lines(int count) =>
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(1, count).Select(i => $"Worked on project {i} with Python and SQL")));

    [Fact]
    public void A_cv_of_twenty_thousand_lines_is_refused_with_its_count()
    {
        var error = Assert.Throws<InputException>(() => new Matcher.Core.Cvs.CvReader().Read(Lines(20_000), "cv.txt", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("\"cv.txt\" holds 20,000 lines of text; a CV or posting has a few hundred and the limit is 5,000. Upload the document itself, not a collection or an export of many.", error.Message);
    }

    [Fact]
    public void A_long_cv_within_the_limit_is_read()
    {
        Assert.Contains("project 4999", new DocumentReader().Read(Lines(4_999), "cv.txt", cancellationToken: TestContext.Current.CancellationToken).Text, StringComparison.Ordinal);
    }
}
