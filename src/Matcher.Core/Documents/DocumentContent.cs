namespace Matcher.Core.Documents;

public enum DocumentFormat { PlainText, Markdown, Html, Json, Pdf, Docx }

/// <summary>Text read from a file, with the format detected from its content.</summary>
/// <param name="Markup">The original markup for HTML, JSON and Markdown, where structure matters to the reader.</param>
public sealed record DocumentContent(DocumentFormat Format, string Text, string? Markup = null);

public sealed class DocumentReaderOptions
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Most entries a DOCX zip may hold; real documents have a few dozen.</summary>
    public int MaxZipEntries { get; set; } = 2_000;

    /// <summary>Largest total uncompressed size of a DOCX zip, in bytes.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Highest uncompressed/compressed ratio accepted for a sizeable zip entry; Word XML rarely passes 20.</summary>
    public double MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// Deepest XML nesting accepted in a DOCX part. Word's own documents stay well under 100 even with tables in
    /// tables; thousands of levels would exhaust the stack of the parser.
    /// </summary>
    public int MaxXmlDepth { get; set; } = 256;
}
