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
