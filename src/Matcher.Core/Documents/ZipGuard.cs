using System.IO.Compression;
using System.Xml;

namespace Matcher.Core.Documents;

/// <summary>
/// Looks inside a zip before any library unpacks it: rejects damaged archives, archives that would expand to
/// absurd sizes (zip bombs), XML nested deeper than a parser's stack survives, and zips that are not Word documents.
/// </summary>
internal static class ZipGuard
{
    // Above this any entry is checked for its ratio before anything is unpacked.
    private const long LargeEntryBytes = 1024 * 1024;

    // Below this an XML part's ratio says little (a 10 KB run of spaces compresses 500 to 1); above it, real Word
    // parts stay far under the limit, while a document made of many ~1 MB parts of repeated markup does not.
    private const long SmallEntryBytes = 64 * 1024;

    public static void Inspect(byte[] bytes, string name, DocumentReaderOptions options)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw Damaged(name, ex);
        }

        using (zip)
        {
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try { entries = zip.Entries; }
            catch (InvalidDataException ex) { throw Damaged(name, ex); }

            if (entries.Count > options.MaxZipEntries)
                throw Bomb(name, $"it holds {entries.Count:N0} files");
            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (total > options.MaxUncompressedBytes)
                    throw Bomb(name, $"it would unpack to more than {options.MaxUncompressedBytes / 1024 / 1024:N0} MB");
                if (entry.Length > LargeEntryBytes && OverRatio(entry, options))
                    throw Bomb(name, $"\"{entry.FullName}\" is compressed {entry.Length / Math.Max(1, entry.CompressedLength):N0} to 1");
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                ScanXml(entries, name, options);
                return;
            }
            var kind = zip.GetEntry("xl/workbook.xml") is not null ? "a spreadsheet (XLSX)"
                : zip.GetEntry("ppt/presentation.xml") is not null ? "a presentation (PPTX)"
                : zip.GetEntry("content.xml") is not null ? "an OpenDocument file"
                : "a zip archive";
            throw new InputException($"{name} is {kind}, not a Word document (DOCX). Upload the CV itself as PDF, DOCX or TXT.");
        }
    }

    /// <summary>
    /// Reads every XML part with <see cref="XmlReader"/>, which does not recurse and holds no tree, before the OpenXML
    /// parser (which does both) sees it: nesting beyond <see cref="DocumentReaderOptions.MaxXmlDepth"/> is refused,
    /// and so are parts, or all parts together, that unpack beyond their limits. The bytes are counted as they are
    /// unpacked, so sizes the zip declares falsely do not get past.
    /// </summary>
    private static void ScanXml(IEnumerable<ZipArchiveEntry> entries, string name, DocumentReaderOptions options)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/') || !LooksLikeXml(entry))
                continue;
            if (entry.Length > options.MaxXmlPartBytes)
                throw TooMuchXml(name, $"its part \"{entry.FullName}\" unpacks to {Megabytes(entry.Length)}; the limit for one part is {Megabytes(options.MaxXmlPartBytes)}");
            if (total + entry.Length > options.MaxXmlBytes)
                throw TooMuchXml(name, $"its XML parts unpack to more than {Megabytes(options.MaxXmlBytes)} together");
            CountingStream? stream = null;
            try
            {
                stream = new CountingStream(entry.Open(), Math.Min(options.MaxXmlPartBytes, options.MaxXmlBytes - total) + 1);
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read())
                {
                    if (reader.Depth > options.MaxXmlDepth)
                        throw new InputException($"{name} is a DOCX whose text is nested more than {options.MaxXmlDepth:N0} levels deep (in \"{entry.FullName}\"), far beyond any real document, so it was not opened. Save it again from Word, or upload PDF/TXT.");
                    if (stream.OverLimit)
                        throw TooMuchXml(name, $"its part \"{entry.FullName}\" unpacks to more than it declares and more than the limit");
                }
                total += stream.Count;
                // After the depth scan, so a deeply nested part (which also compresses well) gets the message that says why.
                if (entry.Length > SmallEntryBytes && OverRatio(entry, options))
                    throw Bomb(name, $"\"{entry.FullName}\" is compressed {entry.Length / Math.Max(1, entry.CompressedLength):N0} to 1");
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
            {
                // Cut off at the limit, the XML ends mid-element; that is the size, not damage.
                if (stream?.OverLimit == true)
                    throw TooMuchXml(name, $"its part \"{entry.FullName}\" unpacks to more than it declares and more than the limit");
                throw Damaged(name, ex);
            }
            finally
            {
                stream?.Dispose();
            }
        }
    }

    private static bool OverRatio(ZipArchiveEntry entry, DocumentReaderOptions options) =>
        entry.Length > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength);

    private static bool LooksLikeXml(ZipArchiveEntry entry)
    {
        if (entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            return true;
        // A part may be named anything in the relationships; judge the others by their first bytes.
        try
        {
            using var stream = entry.Open();
            Span<byte> head = stackalloc byte[4];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var start = head[..read];
            if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                start = start[3..];
            return (start.Length > 0 && start[0] == (byte)'<') || head[..read].StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head[..read].StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    private static InputException TooMuchXml(string name, string why) =>
        new($"{name} is a DOCX too large to read safely: {why}, far beyond any CV. Save it again from Word without the repeated content (or export it to PDF) and upload that.");

    private static InputException Damaged(string name, Exception inner) =>
        new($"{name} is a damaged or incomplete DOCX/zip file that cannot be opened. Save or download it again and upload the complete file, or upload PDF/TXT.", inner);

    private static InputException Bomb(string name, string why) =>
        new($"{name} was rejected as a zip bomb: {why}, far beyond any real document. Upload the CV as a normal DOCX, PDF or TXT.");
}

/// <summary>Passes reads through and counts the bytes; stops handing out bytes beyond the limit and says so.</summary>
internal sealed class CountingStream(Stream inner, long limit) : Stream
{
    public long Count { get; private set; }
    public bool OverLimit => Count >= limit;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (OverLimit)
            return 0;
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - Count)]);
        Count += read;
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
