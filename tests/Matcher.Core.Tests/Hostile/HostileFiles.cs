using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Matcher.Core.Tests.Hostile;

/// <summary>Builds hostile uploads in code, so none is kept as a binary file in the repository.</summary>
public static class HostileFiles
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>
    /// A valid DOCX whose body nests <c>&lt;w:sdt&gt;&lt;w:sdtContent&gt;</c> <paramref name="levels"/> times around one
    /// paragraph. At 20,000 levels it is about 3 KB and overflows the stack of any recursive XML reader.
    /// </summary>
    public static byte[] NestedDocx(int levels, string text = "Deep inside")
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        for (var i = 0; i < levels; i++)
            xml.Append("<w:sdt><w:sdtContent>");
        xml.Append("<w:p><w:r><w:t>").Append(text).Append("</w:t></w:r></w:p>");
        for (var i = 0; i < levels; i++)
            xml.Append("</w:sdtContent></w:sdt>");
        xml.Append("</w:body></w:document>");
        return WithPart(MinimalDocx(), "word/document.xml", Encoding.UTF8.GetBytes(xml.ToString()));
    }

    /// <summary>
    /// Random bytes of the given size, as uploaded under a <c>.zip</c> name: no zip signature, nothing readable.
    /// The same seed gives the same bytes.
    /// </summary>
    public static byte[] FakeZip(int bytes, int seed = 7)
    {
        var content = new byte[bytes];
        new Random(seed).NextBytes(content);
        // Random bytes could begin like a zip or a PDF by chance; make sure they do not.
        content[0] = 0x00;
        return content;
    }

    /// <summary>
    /// A valid DOCX whose body is one paragraph and which carries <paramref name="headers"/> header parts of about
    /// <paramref name="bytesPerHeader"/> unpacked bytes each, all referenced from the body's section. Repeated markup
    /// compresses about 300 to 1, so 150 headers of just under 1 MB make a file of about 500 KB that the Word
    /// reader would expand to gigabytes of element tree. <paramref name="varied"/> makes the header text differ
    /// line by line, so it compresses like real text (about 5 to 1) and passes a ratio check.
    /// </summary>
    public static byte[] ManyHeaderDocx(int headers, int bytesPerHeader = 1_000_000, bool varied = false)
    {
        var bytes = MinimalDocx("Body of a CV with many headers");
        var random = new Random(11);
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            var types = ReadEntry(archive, "[Content_Types].xml");
            var overrides = new StringBuilder();
            var references = new StringBuilder();
            for (var i = 1; i <= headers; i++)
            {
                var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr xmlns:w=\"{WordNamespace}\">");
                while (xml.Length < bytesPerHeader - 40)
                {
                    var line = varied ? $"{random.Next():x8} {random.Next():x8} {random.Next():x8}" : "Header line";
                    xml.Append("<w:p><w:r><w:t>").Append(line).Append("</w:t></w:r></w:p>");
                }
                xml.Append("</w:hdr>");
                WriteEntry(archive, $"word/header{i}.xml", Encoding.UTF8.GetBytes(xml.ToString()));
                rels.Append($"<Relationship Id=\"rIdH{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header{i}.xml\"/>");
                overrides.Append($"<Override PartName=\"/word/header{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>");
                references.Append($"<w:headerReference w:type=\"default\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rIdH{i}\"/>");
            }
            rels.Append("</Relationships>");
            WriteEntry(archive, "word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(rels.ToString()));
            WriteEntry(archive, "[Content_Types].xml", Encoding.UTF8.GetBytes(types.Replace("</Types>", overrides + "</Types>")));
            var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>Body of a CV with many headers</w:t></w:r></w:p><w:sectPr>{references}</w:sectPr></w:body></w:document>";
            WriteEntry(archive, "word/document.xml", Encoding.UTF8.GetBytes(body));
        }
        return stream.ToArray();
    }

    private static string ReadEntry(ZipArchive archive, string name)
    {
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void WriteEntry(ZipArchive archive, string name, byte[] content)
    {
        archive.GetEntry(name)?.Delete();
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }

    /// <summary>
    /// A valid one-page PDF whose page content is one Flate stream that unpacks to <paramref name="unpackedBytes"/>
    /// of blank space after a line of text: 64 MB packs into about 64 KB.
    /// </summary>
    public static byte[] CompressedBombPdf(long unpackedBytes)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 72 720 Td (A CV with a large page) Tj ET\n"u8);
            var blank = new byte[1024 * 1024];
            Array.Fill(blank, (byte)' ');
            for (long written = 0; written < unpackedBytes; written += blank.Length)
                zlib.Write(blank, 0, (int)Math.Min(blank.Length, unpackedBytes - written));
        }
        return Pdf(packed.ToArray(), "/Filter /FlateDecode");
    }

    /// <summary>A valid one-page PDF that draws <paramref name="glyphs"/> characters, in lines of 100 at size 1.</summary>
    public static byte[] ManyGlyphPdf(int glyphs)
    {
        var content = new StringBuilder("BT /F1 1 Tf\n");
        var line = new string('x', 100);
        for (var i = 0; i * 100 < glyphs; i++)
            content.Append($"1 0 0 1 10 {10 + i % 700} Tm ({line[..Math.Min(100, glyphs - i * 100)]}) Tj\n");
        content.Append("ET\n");
        return Pdf(Encoding.ASCII.GetBytes(content.ToString()), "");
    }

    /// <summary>A one-page PDF with one line of 11-point Helvetica per entry; an empty entry leaves a gap. ASCII text only.</summary>
    public static byte[] TextPdf(params string[] lines)
    {
        var content = new StringBuilder("BT /F1 11 Tf\n");
        for (var i = 0; i < lines.Length; i++)
        {
            var escaped = lines[i].Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
            content.Append($"1 0 0 1 72 {740 - i * 16} Tm ({escaped}) Tj\n");
        }
        content.Append("ET\n");
        return Pdf(Encoding.ASCII.GetBytes(content.ToString()), "");
    }

    /// <summary>
    /// A valid PDF of <paramref name="pages"/> pages, each drawing <paramref name="linesPerPage"/> lines of words: within
    /// every size limit, and slow only because laying out each page's words takes time.
    /// </summary>
    public static byte[] ManyPagePdf(int pages, int linesPerPage = 40)
    {
        var content = new StringBuilder("BT /F1 10 Tf\n");
        for (var i = 0; i < linesPerPage; i++)
            content.Append($"1 0 0 1 40 {760 - i * 16} Tm (Line {i + 1}: Python, SQL and data pipelines at scale) Tj\n");
        content.Append("ET\n");
        return Pdf(Encoding.ASCII.GetBytes(content.ToString()), "", pages);
    }

    /// <summary>A valid DOCX whose body holds <paramref name="paragraphs"/> short paragraphs and nothing else.</summary>
    public static byte[] ManyParagraphDocx(int paragraphs) =>
        ParagraphsDocx(Enumerable.Range(1, paragraphs).Select(i => $"Paragraph {i}: built data pipelines in Python and SQL.").ToArray());

    /// <summary>
    /// A minimal PDF (catalog, Helvetica, <paramref name="pages"/> pages that all draw the given content) with a
    /// correct cross-reference table.
    /// </summary>
    private static byte[] Pdf(byte[] content, string filter, int pages = 1)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }
        Write("%PDF-1.7\n");
        // Objects 1-4 are the catalog, the page tree, the content and the font; the pages follow from 5.
        var kids = string.Join(" ", Enumerable.Range(5, pages).Select(n => $"{n} 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        offsets.Add(pdf.Position);
        Write($"3 0 obj\n<< /Length {content.Length} {filter} >>\nstream\n");
        pdf.Write(content);
        Write("\nendstream\nendobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        for (var page = 0; page < pages; page++)
            Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A one-paragraph DOCX written by the OpenXML SDK, as Word would.</summary>
    public static byte[] MinimalDocx(string text = "Placeholder") => ParagraphsDocx(text);

    /// <summary>A DOCX with one paragraph per entry, written by the OpenXML SDK as Word would.</summary>
    public static byte[] ParagraphsDocx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new WordText(p))))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The zip with one entry's content replaced (or added).</summary>
    public static byte[] WithPart(byte[] zip, string entryName, byte[] content, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            archive.GetEntry(entryName)?.Delete();
            using var entry = archive.CreateEntry(entryName, level).Open();
            entry.Write(content);
        }
        return stream.ToArray();
    }
}
