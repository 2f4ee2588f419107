using System.IO.Compression;
using System.Text;
using Matcher.Core.Documents;
using Matcher.Core.Tests.Cvs;
using Microsoft.Extensions.Options;
// The OpenXml SDK also declares a "DocumentFormat" namespace.
using Format = Matcher.Core.Documents.DocumentFormat;

namespace Matcher.Core.Tests.Documents;

public sealed class DocumentReaderTests
{
    private readonly DocumentReader _reader = new();

    [Fact]
    public void Reads_one_column_pdf_lines_in_order_with_bullets()
    {
        var content = _reader.Read(CvFixtures.Bytes("cv-one-column.pdf"), "cv.pdf", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Format.Pdf, content.Format);
        var lines = Lines(content.Text);
        Assert.Equal("Priya Raman", lines[0]);
        Assert.Contains("• Built a Spark and Kafka pipeline processing 2 TB per day", lines);
        Assert.True(lines.IndexOf("Work Experience") < lines.IndexOf("Education"));
        Assert.True(lines.IndexOf("Education") < lines.IndexOf("Skills"));
    }

    [Fact]
    public void Two_column_pdf_keeps_each_column_lines_together()
    {
        var lines = Lines(_reader.Read(CvFixtures.Bytes("cv-two-column.pdf"), cancellationToken: TestContext.Current.CancellationToken).Text);

        string[] sidebar = ["Contact", "lukas.weber@example.com", "Skills", "• Java", "• Kubernetes", "Languages", "English (C1)"];
        string[] main = ["Profile", "Experience", "Backend Developer, Fintegra GmbH", "03/2020 – present", "• Designed the payment ledger service", "Education", "TU Berlin, 2017"];
        var sidebarAt = sidebar.Select(l => lines.IndexOf(l)).ToList();
        var mainAt = main.Select(l => lines.IndexOf(l)).ToList();

        Assert.DoesNotContain(-1, sidebarAt);
        Assert.DoesNotContain(-1, mainAt);
        Assert.Equal(sidebarAt.Order(), sidebarAt);
        Assert.Equal(mainAt.Order(), mainAt);
        // No line of one column falls between the first and last line of the other.
        Assert.True(sidebarAt.Max() < mainAt.Min() || mainAt.Max() < sidebarAt.Min());
    }

    [Fact]
    public void Pdf_without_text_layer_is_refused_as_scanned()
    {
        var ex = Assert.Throws<InputException>(() => _reader.Read(CvFixtures.Bytes("cv-scanned-no-text.pdf"), "scan.pdf", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("\"scan.pdf\"", ex.Message);
        Assert.Contains("has no text layer", ex.Message);
        Assert.Contains("looks scanned", ex.Message);
        Assert.Contains("upload DOCX/TXT", ex.Message);
    }

    [Fact]
    public void Password_protected_pdf_is_refused_as_encrypted()
    {
        var ex = Assert.Throws<InputException>(() => _reader.Read(CvFixtures.Bytes("cv-password-protected.pdf"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("password-protected (encrypted) PDF", ex.Message);
        Assert.Contains("Remove the password", ex.Message);
    }

    [Fact]
    public void Truncated_pdf_is_refused_as_incomplete()
    {
        var bytes = CvFixtures.Bytes("cv-one-column.pdf");

        var ex = Assert.Throws<InputException>(() => _reader.Read(bytes[..(bytes.Length / 2)], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("incomplete PDF", ex.Message);
        Assert.Contains("Download or export it again", ex.Message);
    }

    [Fact]
    public void Pdf_with_garbage_body_is_refused_as_damaged()
    {
        var good = CvFixtures.Bytes("cv-one-column.pdf");
        var bytes = good.ToArray();
        // Keep the header and the end marker; scramble everything between them.
        for (var i = 20; i < bytes.Length - 10; i++)
            bytes[i] = (byte)('A' + i % 26);

        var ex = Assert.Throws<InputException>(() => _reader.Read(bytes, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("damaged PDF", ex.Message);
    }

    [Theory]
    [InlineData("\uE001\uE002\uE003 \uE004\uE005 \u0001\u0002 ab", true)]
    [InlineData("Senior Engineer \uFFFD at Acme", false)]
    public void Flags_pdf_text_made_of_unmapped_glyphs(string text, bool undecodable) =>
        Assert.Equal(undecodable, PdfTextExtractor.LooksUndecodable(text));

    [Fact]
    public void Reads_docx_header_list_items_and_table_rows()
    {
        var content = _reader.Read(CvFixtures.Bytes("cv-with-list-and-table.docx"), "cv.docx", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Format.Docx, content.Format);
        var lines = Lines(content.Text);
        Assert.Equal("Tomás Silva", lines[0]);
        Assert.Contains("• Ran 30 usability studies with clinicians", lines);
        Assert.Contains("Master of Arts in Interaction Design | Universidade de Lisboa | 2019", lines);
        Assert.Contains("Lead UX Designer at Lumen Health — April 2022 to now", lines);
        // Text-box content is read, each of its paragraphs on a line of its own.
        Assert.Single(lines, l => l == "Portuguese (native), English (C2)");
    }

    [Fact]
    public void Truncated_docx_is_refused_as_damaged()
    {
        var bytes = CvFixtures.Bytes("cv-with-list-and-table.docx");

        var ex = Assert.Throws<InputException>(() => _reader.Read(bytes[..(bytes.Length * 2 / 3)], "cv.docx", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("damaged or incomplete DOCX", ex.Message);
    }

    [Fact]
    public void Highly_compressed_zip_is_refused_as_zip_bomb()
    {
        var bytes = Zip(("[Content_Types].xml", 10), ("word/document.xml", 20 * 1024 * 1024));

        var ex = Assert.Throws<InputException>(() => _reader.Read(bytes, "cv.docx", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("zip bomb", ex.Message);
        Assert.Contains("word/document.xml", ex.Message);
    }

    [Fact]
    public void Zip_with_thousands_of_entries_is_refused_as_zip_bomb()
    {
        var entries = Enumerable.Range(0, 3000).Select(i => ($"word/part{i}.xml", 1)).Prepend(("word/document.xml", 1)).ToArray();

        var ex = Assert.Throws<InputException>(() => _reader.Read(Zip(entries), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("zip bomb", ex.Message);
        Assert.Contains("3,001 files", ex.Message);
    }

    [Theory]
    [InlineData("notes/readme.txt", "a zip archive")]
    [InlineData("xl/workbook.xml", "a spreadsheet (XLSX)")]
    public void Zip_that_is_not_a_word_document_is_refused(string entry, string kind)
    {
        var ex = Assert.Throws<InputException>(() => _reader.Read(Zip((entry, 100)), "cv.docx", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains($"is {kind}, not a Word document (DOCX)", ex.Message);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var ex = Assert.Throws<InputException>(() => _reader.Read([], "cv.pdf", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("\"cv.pdf\" is empty", ex.Message);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused()
    {
        var reader = new DocumentReader(Options.Create(new DocumentReaderOptions { MaxBytes = 1024 }));

        var ex = Assert.Throws<InputException>(() => reader.Read(CvFixtures.Bytes("cv-one-column.pdf"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("the limit is", ex.Message);
        Assert.Contains("Upload a smaller file", ex.Message);
    }

    [Fact]
    public void Unknown_binary_file_is_refused()
    {
        var png = new byte[512];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        new Random(7).NextBytes(png.AsSpan(8));

        var ex = Assert.Throws<InputException>(() => _reader.Read(png, "photo.pdf", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("not a format Matcher reads", ex.Message);
    }

    [Fact]
    public void Old_binary_word_file_is_refused_with_advice_to_save_as_docx()
    {
        var doc = new byte[1024];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(doc, 0);

        var ex = Assert.Throws<InputException>(() => _reader.Read(doc, "cv.doc", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Save it as DOCX or PDF", ex.Message);
    }

    [Fact]
    public void Password_protected_word_document_is_refused_as_protected()
    {
        // Encrypted DOCX files are OLE containers holding an "EncryptedPackage" stream.
        var doc = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(doc, 0);
        Encoding.Unicode.GetBytes("EncryptedPackage").CopyTo(doc, 1024);

        var ex = Assert.Throws<InputException>(() => _reader.Read(doc, "cv.docx", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("password-protected Office document", ex.Message);
    }

    [Fact]
    public void Decodes_utf16_with_bom_and_windows_1252_text_to_the_same_text_as_utf8()
    {
        var text = File.ReadAllText(CvFixtures.PathOf("cv-german.txt"));
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        var expected = _reader.Read(CvFixtures.Bytes("cv-german.txt"), cancellationToken: TestContext.Current.CancellationToken).Text;

        Assert.StartsWith("Jana Müller", expected);
        Assert.Equal(expected, _reader.Read(utf16, cancellationToken: TestContext.Current.CancellationToken).Text);
        // "ü", "ß", "–" and "•" all survive the single-byte encoding.
        Assert.Equal(expected, _reader.Read(windows1252, cancellationToken: TestContext.Current.CancellationToken).Text);
    }

    [Fact]
    public void Detects_html_json_markdown_and_plain_text_by_content()
    {
        var html = _reader.Read(CvFixtures.Bytes("cv-page.html"), "cv.txt", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Format.Html, html.Format);
        Assert.Contains("• Wrote detection rules in Sigma", Lines(html.Text));
        Assert.DoesNotContain("console.log", html.Text);

        Assert.Equal(Format.Json, _reader.Read(CvFixtures.Bytes("cv-json-resume.json"), "cv.txt", cancellationToken: TestContext.Current.CancellationToken).Format);
        var markdown = _reader.Read(CvFixtures.Bytes("cv-markdown.md"), "cv.txt", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Format.Markdown, markdown.Format);
        Assert.Contains("Work Experience", Lines(markdown.Text));
        Assert.DoesNotContain("**", markdown.Text);
        Assert.Equal(Format.PlainText, _reader.Read(CvFixtures.Bytes("cv-no-headings.txt"), "cv.md", cancellationToken: TestContext.Current.CancellationToken).Format);
        // Dash lists alone do not make Markdown.
        var dashed = File.ReadAllText(CvFixtures.PathOf("cv-german.txt")).Replace('•', '-');
        Assert.Equal(Format.PlainText, _reader.Read(Encoding.UTF8.GetBytes(dashed), cancellationToken: TestContext.Current.CancellationToken).Format);
    }

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).ToList();

    private static byte[] Zip(params (string Name, int Bytes)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[64 * 1024];
            foreach (var (name, size) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var written = 0; written < size; written += zeros.Length)
                    entry.Write(zeros, 0, Math.Min(zeros.Length, size - written));
            }
        }
        return stream.ToArray();
    }
}
