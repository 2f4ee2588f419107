using System.IO.Compression;

namespace Matcher.Core.Documents;

/// <summary>
/// Looks inside a zip before any library unpacks it: rejects damaged archives, archives that would expand to
/// absurd sizes (zip bombs) and zips that are not Word documents.
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
                return;
            var kind = zip.GetEntry("xl/workbook.xml") is not null ? "a spreadsheet (XLSX)"
                : zip.GetEntry("ppt/presentation.xml") is not null ? "a presentation (PPTX)"
                : zip.GetEntry("content.xml") is not null ? "an OpenDocument file"
                : "a zip archive";
            throw new InputException($"{name} is {kind}, not a Word document (DOCX). Upload the CV itself as PDF, DOCX or TXT.");
        }
    }

    private static InputException Damaged(string name, Exception inner) =>
        new($"{name} is a damaged or incomplete DOCX/zip file that cannot be opened. Save or download it again and upload the complete file, or upload PDF/TXT.", inner);

    private static InputException Bomb(string name, string why) =>
        new($"{name} was rejected as a zip bomb: {why}, far beyond any real document. Upload the CV as a normal DOCX, PDF or TXT.");
}
