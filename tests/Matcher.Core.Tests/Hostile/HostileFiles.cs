using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

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

    /// <summary>A one-paragraph DOCX written by the OpenXML SDK, as Word would.</summary>
    public static byte[] MinimalDocx(string text = "Placeholder")
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
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
