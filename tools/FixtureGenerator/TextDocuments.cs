using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace FixtureGenerator;

/// <summary>
/// Turns a Markdown or text fixture into a PDF with a text layer or a DOCX, so the same document can be
/// tested in every format. Headings ("# ", "## ") become bold lines or Word headings, "- " items bullets.
/// </summary>
internal static class TextDocuments
{
    private const double Top = 800;
    private const double Bottom = 50;
    private const double LineHeight = 14;
    private const int WrapAt = 95;

    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        var y = Top;
        foreach (var (line, heading, bullet) in Lines(text))
        {
            foreach (var part in Wrap(bullet ? "- " + line : line))
            {
                if (y < Bottom)
                {
                    page = builder.AddPage(PageSize.A4);
                    y = Top;
                }
                page.AddText(Plain(part), heading ? 12 : 10, new PdfPoint(bullet ? 60 : 50, y), heading ? bold : regular);
                y -= LineHeight;
            }
        }
        return builder.Build();
    }

    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var (line, heading, bullet) in Lines(text))
            {
                var run = new Run(new Text(bullet ? "\u2022 " + line : line) { Space = SpaceProcessingModeValues.Preserve });
                if (heading)
                    run.PrependChild(new RunProperties(new Bold()));
                body.Append(new Paragraph(run));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<(string Line, bool Heading, bool Bullet)> Lines(string text)
    {
        foreach (var raw in text.Replace("\r", "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (line.StartsWith('#'))
                yield return (line.TrimStart('#').Trim(), true, false);
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
                yield return (line[2..].Trim(), false, true);
            else
                yield return (line.Replace("**", ""), false, false);
        }
    }

    /// <summary>The standard 14 fonts encode ASCII reliably; spell the few other characters the fixtures use.</summary>
    private static string Plain(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            switch (c)
            {
                case < '\u0080': builder.Append(c); break;
                case '\u2013' or '\u2014': builder.Append('-'); break;
                case '\u2018' or '\u2019': builder.Append('\''); break;
                case '\u201C' or '\u201D': builder.Append('"'); break;
                case '\u00B7' or '\u2022': builder.Append('|'); break;
                case '\u20AC': builder.Append("EUR "); break;
                case '\u00A3': builder.Append("GBP "); break;
                default:
                    // Accents were split off by FormD and are dropped; anything else becomes a space.
                    if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                        builder.Append(' ');
                    break;
            }
        }
        return builder.ToString();
    }

    private static IEnumerable<string> Wrap(string line)
    {
        while (line.Length > WrapAt)
        {
            var cut = line.LastIndexOf(' ', WrapAt);
            if (cut <= 0) cut = WrapAt;
            yield return line[..cut];
            line = line[cut..].TrimStart();
        }
        yield return line;
    }
}
