using System.IO.Compression;
using System.Xml;

namespace Matcher.Core.Documents;

/// <summary>
/// Looks inside a zip before any library unpacks it: rejects damaged archives, archives that would expand to
/// absurd sizes (zip bombs), XML nested deeper than a parser's stack survives, and zips that are not Word documents.
/// </summary>
internal static class ZipGuard
{
    private const long SmallEntryBytes = 1024 * 1024;

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
                if (entry.Length > SmallEntryBytes && entry.Length > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
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
    /// Reads every XML part with <see cref="XmlReader"/>, which does not recurse, before the OpenXML parser (which
    /// does) sees it: nesting beyond <see cref="DocumentReaderOptions.MaxXmlDepth"/> is refused.
    /// </summary>
    private static void ScanXml(IEnumerable<ZipArchiveEntry> entries, string name, DocumentReaderOptions options)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/') || !LooksLikeXml(entry))
                continue;
            try
            {
                using var stream = entry.Open();
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read())
                    if (reader.Depth > options.MaxXmlDepth)
                        throw new InputException($"{name} is a DOCX whose text is nested more than {options.MaxXmlDepth:N0} levels deep (in \"{entry.FullName}\"), far beyond any real document, so it was not opened. Save it again from Word, or upload PDF/TXT.");
            }
            catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
            {
                throw Damaged(name, ex);
            }
        }
    }

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

    private static InputException Damaged(string name, Exception inner) =>
        new($"{name} is a damaged or incomplete DOCX/zip file that cannot be opened. Save or download it again and upload the complete file, or upload PDF/TXT.", inner);

    private static InputException Bomb(string name, string why) =>
        new($"{name} was rejected as a zip bomb: {why}, far beyond any real document. Upload the CV as a normal DOCX, PDF or TXT.");
}
