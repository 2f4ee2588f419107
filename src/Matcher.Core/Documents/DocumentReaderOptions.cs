namespace Matcher.Core.Documents;

public sealed class DocumentReaderOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Most entries a DOCX zip may hold; real documents have a few dozen.</summary>
    public int MaxZipEntries { get; set; } = 2_000;

    /// <summary>Largest total uncompressed size of a DOCX zip, in bytes.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Highest uncompressed/compressed ratio accepted for a zip entry over 64 KB; Word XML rarely passes 20.</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// Largest unpacked XML part of a DOCX (body, one header, styles...), in bytes. The Word reader builds a tree of
    /// each part it reads, many times the part's size; a long CV's body is well under 1 MB.
    /// </summary>
    public long MaxXmlPartBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Most unpacked XML in one DOCX, all parts together, in bytes. Images and other media do not count.</summary>
    public long MaxXmlBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Largest unpacked compressed stream of a PDF (page content, fonts), in bytes; images do not count. The PDF
    /// reader holds each unpacked stream in memory, and a CV's page content is a few hundred KB at most.
    /// </summary>
    public long MaxPdfStreamBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Most unpacked bytes of all of a PDF's compressed streams together, images aside.</summary>
    public long MaxPdfStreamsBytes { get; set; } = 48L * 1024 * 1024;

    /// <summary>
    /// Most characters drawn on one PDF page. A dense CV page has about 5,000; laying out the words of a page takes
    /// time that grows faster than its characters, so a page of 100,000 would keep a core busy for minutes.
    /// </summary>
    public int MaxPdfPageLetters { get; set; } = 30_000;

    /// <summary>
    /// Most non-blank lines of text in one document. A long CV or posting has a few hundred; matching compares every
    /// line with every requirement, so 20,000 lines would keep a core busy for a minute or more.
    /// </summary>
    public int MaxLines { get; set; } = 5_000;

    /// <summary>Most characters in a whole PDF (about 60 dense pages).</summary>
    public int MaxPdfLetters { get; set; } = 300_000;

    /// <summary>
    /// Deepest XML nesting accepted in a DOCX part. Word's own documents stay well under 100 even with tables in
    /// tables; thousands of levels would exhaust the stack of the parser.
    /// </summary>
    public int MaxXmlDepth { get; set; } = 256;

    /// <summary>
    /// Longest one read of one file may take. The size limits above keep real files far below it; a file crafted to be
    /// slow in ways they do not catch is stopped at its next page or block and refused with a message, instead of
    /// holding a core. <see cref="Timeout.InfiniteTimeSpan"/> (-00:00:00.001) turns it off.
    /// </summary>
    public TimeSpan ReadTimeBudget { get; set; } = TimeSpan.FromSeconds(20);
}
