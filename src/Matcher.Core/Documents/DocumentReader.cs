using System.Text;
using Microsoft.Extensions.Options;
using Matcher.Core.Text;

namespace Matcher.Core.Documents;

/// <summary>
/// Turns uploaded bytes into text. The format is decided by the content, never by the file name alone,
/// because uploads are often misnamed (a PDF saved as ".txt", a DOCX renamed ".doc").
/// </summary>
public sealed class DocumentReader(IOptions<DocumentReaderOptions> options, TimeProvider? clock = null)
{
    private static readonly byte[] PdfSignature = "%PDF"u8.ToArray();
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipSignature = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Office stores a password-protected DOCX as an OLE file with this stream name (UTF-16LE).
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    // The PDF header may be preceded by junk; readers accept it within the first kilobyte.
    private const int PdfHeaderWindow = 1024;

    public DocumentReader() : this(Options.Create(new DocumentReaderOptions())) { }

    /// <exception cref="InputException">The file is empty, too large, unreadable, or took longer than <see cref="DocumentReaderOptions.ReadTimeBudget"/>.</exception>
    /// <exception cref="OperationCanceledException">The caller stopped the read; it ends at the next page or block.</exception>
    public DocumentContent Read(byte[] bytes, string? fileName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var name = string.IsNullOrWhiteSpace(fileName) ? "The file" : $"\"{Path.GetFileName(fileName)}\"";
        if (bytes.Length == 0)
            throw new InputException($"{name} is empty (0 bytes). Choose a file that contains the text.");
        if (bytes.Length > options.Value.MaxBytes)
            throw new InputException($"{name} is {bytes.Length / 1024.0 / 1024.0:0.0} MB; the limit is {options.Value.MaxBytes / 1024.0 / 1024.0:0.#} MB. Upload a smaller file.");

        var budget = new ReadBudget(name, options.Value.ReadTimeBudget, clock ?? TimeProvider.System, cancellationToken);
        if (IndexOf(bytes, PdfSignature, PdfHeaderWindow) >= 0)
            return Checked(new DocumentContent(DocumentFormat.Pdf, PdfTextExtractor.Extract(bytes, name, options.Value, budget)), name);
        if (bytes.AsSpan().StartsWith(ZipSignature) || bytes.AsSpan().StartsWith(EmptyZipSignature))
            return Checked(new DocumentContent(DocumentFormat.Docx, DocxTextExtractor.Extract(bytes, name, options.Value, budget)), name);
        if (bytes.AsSpan().StartsWith(OleSignature) && bytes.AsSpan().IndexOf(EncryptedPackage) >= 0)
            throw new InputException($"{name} is a password-protected Office document, so its text cannot be read. Open it, remove the password (File > Info > Protect Document), save it as DOCX and upload it again.");
        if (bytes.AsSpan().StartsWith(OleSignature))
            throw new InputException($"{name} is an old binary Office file (.doc/.xls). Save it as DOCX or PDF and upload that.");

        var text = DecodeText(bytes)
            ?? throw new InputException($"{name} is not a format Matcher reads (it looks like binary data). Use PDF, DOCX, TXT, Markdown, HTML or JSON.");
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException($"{name} holds only blank space. Choose a file that contains the text.");
        budget.Check();
        return Checked(TextFormatClassifier.Classify(text), name);
    }

    private DocumentContent Checked(DocumentContent content, string name)
    {
        if (string.IsNullOrWhiteSpace(content.Text))
            throw new InputException($"{name} holds no text. Choose a file that contains the text.");
        var lines = CountLines(content.Text);
        if (lines > options.Value.MaxLines)
            throw new InputException($"{name} holds {lines:N0} lines of text; a CV or posting has a few hundred and the limit is {options.Value.MaxLines:N0}. Upload the document itself, not a collection or an export of many.");
        return content;
    }

    private static int CountLines(string text)
    {
        var count = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
            if (!line.IsWhiteSpace())
                count++;
        return count;
    }

    // Legacy text files are Windows-1252 far more often than strict Latin-1: it adds “ ” – — • in 0x80–0x9F.
    private static readonly Encoding Legacy = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>Decodes UTF-8 (with or without BOM) or UTF-16 with BOM, falling back to Windows-1252/Latin-1; null when the bytes look binary.</summary>
    internal static string? DecodeText(byte[] bytes)
    {
        string text;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            text = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        else
        {
            try { text = new UTF8Encoding(false, true).GetString(bytes); }
            catch (DecoderFallbackException) { text = Legacy.GetString(bytes); }
        }
        text = text.TrimStart('\uFEFF');
        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return control > text.Length / 100 + 1 ? null : TextNormalizer.Tidy(text);
    }

    private static int IndexOf(byte[] bytes, byte[] pattern, int window)
    {
        var limit = Math.Min(bytes.Length, window + pattern.Length);
        return bytes.AsSpan(0, limit).IndexOf(pattern);
    }
}
