using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Matcher.Core.Text;

namespace Matcher.Core.Documents;

/// <summary>
/// Reads a DOCX: headers first (CVs often put the name and contact there), then the body in order, with list
/// items as bullets and table rows as cells joined by " | ".
/// </summary>
internal static class DocxTextExtractor
{
    public static string Extract(byte[] bytes, string name, DocumentReaderOptions options, ReadBudget budget)
    {
        ZipGuard.Inspect(bytes, name, options);
        budget.Check();
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body
                ?? throw new InputException($"{name} is a DOCX without a document body. Save it again from Word and upload it, or upload PDF/TXT.");
            var sb = new StringBuilder();
            foreach (var header in main!.HeaderParts)
                if (header.Header is { } h)
                    AppendBlocks(h.ChildElements, sb, budget);
            AppendBlocks(body.ChildElements, sb, budget);
            foreach (var footer in main.FooterParts)
                if (footer.Footer is { } f)
                    AppendBlocks(f.ChildElements, sb, budget);
            return TextNormalizer.Tidy(sb.ToString());
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException)
        {
            throw new InputException($"{name} is a damaged DOCX that cannot be read. Save it again from Word (or export to PDF) and upload that.", ex);
        }
    }

    private static void AppendBlocks(IEnumerable<OpenXmlElement> elements, StringBuilder sb, ReadBudget budget)
    {
        foreach (var element in elements)
        {
            budget.Check();
            switch (element)
            {
                case Paragraph paragraph:
                    AppendParagraph(paragraph, sb);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        budget.Check();
                        var cells = row.Elements<TableCell>()
                            .Select(c => string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText)).Trim())
                            .Where(c => c.Length > 0);
                        sb.Append(string.Join(" | ", cells)).Append('\n');
                    }
                    sb.Append('\n');
                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    AppendBlocks(content.ChildElements, sb, budget);
                    break;
            }
        }
    }

    private static void AppendParagraph(Paragraph paragraph, StringBuilder sb)
    {
        var text = ParagraphText(paragraph);
        if (IsListItem(paragraph) && text.Length > 0)
            sb.Append("• ");
        sb.Append(text).Append('\n');
    }

    private static bool IsListItem(Paragraph paragraph)
    {
        var props = paragraph.ParagraphProperties;
        if (props?.NumberingProperties is not null)
            return true;
        var style = props?.ParagraphStyleId?.Val?.Value;
        return style is not null && style.Contains("List", StringComparison.OrdinalIgnoreCase);
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        AppendRuns(paragraph, sb);
        return sb.ToString().Trim();
    }

    private static void AppendRuns(OpenXmlElement element, StringBuilder sb)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case WordText t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
                // A text box is stored twice (DrawingML choice and VML fallback); read it once.
                case AlternateContentFallback: break;
                // Paragraphs inside text boxes get lines of their own.
                case Paragraph nested:
                    sb.Append('\n');
                    AppendRuns(nested, sb);
                    sb.Append('\n');
                    break;
                default: AppendRuns(child, sb); break;
            }
        }
    }
}
