using Matcher.Core.Documents;

namespace Matcher.Core.Tests.Hostile;

/// <summary>
/// A DOCX whose headers unpack to far more than any CV is refused while the zip is inspected, before the Word
/// reader builds its tree of them. Memory is measured as the bytes this thread allocates during the read.
/// </summary>
public sealed class ManyHeaderDocxTests
{
    // The inspection streams each part and keeps no tree: refusing these files allocates well under 1 MB, where the
    // Word reader took 2.7 GB for the first one. A real two-page DOCX, read in full, allocates a few MB.
    private const long AllocationCap = 8L * 1024 * 1024;

    private static (InputException Error, long Allocated) Refuse(byte[] bytes, DocumentReaderOptions? options = null)
    {
        var reader = new DocumentReader(Microsoft.Extensions.Options.Options.Create(options ?? new DocumentReaderOptions()));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InputException>(() => reader.Read(bytes, "headers.docx"));
        return (error, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_hostile_file_is_small_and_holds_150_headers_of_almost_a_megabyte()
    {
        var bytes = HostileFiles.ManyHeaderDocx(150);

        Assert.InRange(bytes.Length, 1, 1024 * 1024);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var headers = zip.Entries.Where(e => e.FullName.StartsWith("word/header", StringComparison.Ordinal)).ToList();
        Assert.Equal(150, headers.Count);
        Assert.All(headers, h => Assert.InRange(h.Length, 900_000, 1024 * 1024 - 1));
    }

    [Fact]
    public void One_hundred_and_fifty_headers_of_repeated_markup_are_refused_within_the_memory_cap()
    {
        var (error, allocated) = Refuse(HostileFiles.ManyHeaderDocx(150));

        Assert.StartsWith("\"headers.docx\" was rejected as a zip bomb: \"word/header", error.Message, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, AllocationCap);
    }

    [Fact]
    public void Headers_that_compress_like_text_but_add_up_beyond_the_document_limit_are_refused_within_the_memory_cap()
    {
        var (error, allocated) = Refuse(HostileFiles.ManyHeaderDocx(20, varied: true));

        Assert.Equal("\"headers.docx\" is a DOCX too large to read safely: its XML parts unpack to more than 16 MB together, far beyond any CV. Save it again from Word without the repeated content (or export it to PDF) and upload that.", error.Message);
        Assert.InRange(allocated, 0, AllocationCap);
    }

    [Fact]
    public void A_part_over_the_part_limit_is_refused_with_its_name()
    {
        var (error, _) = Refuse(HostileFiles.ManyHeaderDocx(1, 600_000, varied: true), new DocumentReaderOptions { MaxXmlPartBytes = 512 * 1024 });

        Assert.Contains("its part \"word/header1.xml\" unpacks to 0.6 MB; the limit for one part is 0.5 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_a_few_ordinary_headers_is_read_headers_first()
    {
        var content = new DocumentReader().Read(HostileFiles.ManyHeaderDocx(3, 20_000, varied: true), "cv.docx", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Matcher.Core.Documents.DocumentFormat.Docx, content.Format);
        Assert.EndsWith("Body of a CV with many headers", content.Text.TrimEnd(), StringComparison.Ordinal);
        // Each header holds about 300 lines of 26 characters.
        Assert.InRange(content.Text.Length, 3 * 7_000, 3 * 20_000);
    }
}
