using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using Matcher.Core.Text;

namespace Matcher.Core.Documents;

/// <summary>
/// Reads a PDF's text layer in reading order. Words are grouped into blocks (Docstrum) and blocks are ordered
/// by spatial relations, so a two-column CV reads column by column instead of interleaving lines across columns.
/// </summary>
internal static class PdfTextExtractor
{
    private static readonly byte[] EndOfFile = "%%EOF"u8.ToArray();
    private static readonly byte[] EncryptKey = "/Encrypt"u8.ToArray();

    // Incremental updates and trailing whitespace put %%EOF a little before the end.
    private const int EndOfFileWindow = 2048;

    // Above this share of undecodable characters the text would match nothing; a few are common in real PDFs.
    private const double UndecodableShare = 0.3;

    public static string Extract(byte[] bytes, string name, DocumentReaderOptions options, ReadBudget budget)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - EndOfFileWindow));
        if (tail.IndexOf(EndOfFile) < 0)
            throw new InputException($"{name} is an incomplete PDF: it stops before the end-of-file marker, so it was probably cut off while downloading or uploading. Download or export it again and upload the complete file.");
        PdfStreamGuard.Inspect(bytes, name, options);
        budget.Check();

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw Encrypted(name, ex);
        }
        catch (Exception ex) when (ex is not InputException)
        {
            if (bytes.AsSpan().IndexOf(EncryptKey) >= 0)
                throw Encrypted(name, ex);
            throw Corrupt(name, ex);
        }

        using (document)
        {
            var sb = new StringBuilder();
            var images = 0;
            var letters = 0;
            try
            {
                foreach (var page in document.GetPages())
                {
                    budget.Check();
                    images += page.NumberOfImages;
                    // Counted before the layout analysis, which is the slow part.
                    var count = page.Letters.Count;
                    if (count > options.MaxPdfPageLetters)
                        throw TooManyLetters(name, $"page {page.Number} draws {count:N0} characters; a CV page has about 5,000 and the limit is {options.MaxPdfPageLetters:N0}");
                    letters += count;
                    if (letters > options.MaxPdfLetters)
                        throw TooManyLetters(name, $"its pages draw more than {options.MaxPdfLetters:N0} characters in all");
                    AppendPage(page, sb, budget);
                    sb.Append('\n');
                }
            }
            catch (PdfDocumentEncryptedException ex)
            {
                throw Encrypted(name, ex);
            }
            catch (Exception ex) when (ex is not (InputException or OperationCanceledException))
            {
                throw Corrupt(name, ex);
            }

            var text = TextNormalizer.Tidy(sb.ToString());
            if (string.IsNullOrWhiteSpace(text))
            {
                var looks = images > 0 ? "it holds only images and looks scanned" : "it looks scanned or drawn";
                throw new InputException($"{name} is a PDF that has no text layer; {looks}. Export it from the original document (Word, Google Docs, LaTeX) or upload DOCX/TXT instead.");
            }
            if (LooksUndecodable(text))
                throw new InputException($"{name} is a PDF whose text cannot be decoded (its fonts carry no character map, so the text comes out as symbols). Export it again from the original document, or upload DOCX/TXT.");
            return text;
        }
    }

    /// <summary>True when much of the text is control, private-use or replacement characters: glyphs without a character map.</summary>
    internal static bool LooksUndecodable(string text)
    {
        var visible = text.Count(c => !char.IsWhiteSpace(c));
        var bad = text.Count(c => c == '\uFFFD' || char.IsControl(c) && !char.IsWhiteSpace(c) || c is >= '\uE000' and <= '\uF8FF');
        return visible > 0 && bad > visible * UndecodableShare;
    }

    private static void AppendPage(Page page, StringBuilder sb, ReadBudget budget)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        if (letters.Count == 0)
            return;
        // Each step of the layout analysis takes longer the more the page draws; a page that used up the budget stops here.
        var words = NearestNeighbourWordExtractor.Instance.GetWords(letters).ToList();
        budget.Check();
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        budget.Check();
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks);
        foreach (var block in ordered)
        {
            foreach (var line in block.TextLines)
                sb.Append(line.Text).Append('\n');
            sb.Append('\n');
        }
    }

    private static InputException TooManyLetters(string name, string why) =>
        new($"{name} is a PDF too large to read in reasonable time: {why}. Upload the CV itself (a few pages), or save it as DOCX/TXT.");

    private static InputException Encrypted(string name, Exception inner) =>
        new($"{name} is a password-protected (encrypted) PDF, so its text cannot be read. Remove the password (print or export to a new PDF) and upload it again, or upload DOCX/TXT.", inner);

    private static InputException Corrupt(string name, Exception inner) =>
        new($"{name} is a damaged PDF that cannot be read. Export it again from the original document, or upload DOCX/TXT.", inner);
}
