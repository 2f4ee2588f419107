using System.Text;
using Microsoft.Extensions.Options;

namespace Matcher.Core.Documents;

/// <summary>
/// Turns uploaded bytes into text. The format is decided by the content, never by the file name alone.
/// </summary>
public sealed class DocumentReader(IOptions<DocumentReaderOptions> options)
{
    public DocumentReader() : this(Options.Create(new DocumentReaderOptions())) { }

    public DocumentContent Read(byte[] bytes, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
            throw new InputException("The file is empty. Choose a file that contains the text.");
        if (bytes.Length > options.Value.MaxBytes)
            throw new InputException($"The file is {bytes.Length / 1024.0 / 1024.0:0.0} MB; the limit is {options.Value.MaxBytes / 1024.0 / 1024.0:0.#} MB. Upload a smaller file.");

        // PDF and DOCX readers live beside this one; plain text is decoded here.
        var text = DecodeText(bytes)
            ?? throw new InputException("The file is not a format Matcher reads. Use PDF, DOCX, TXT, Markdown, HTML or JSON.");
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException("The file holds no text. Choose a file that contains the text.");
        return new DocumentContent(DocumentFormat.PlainText, text);
    }

    /// <summary>Decodes UTF-8 (with or without BOM) or UTF-16 with BOM; null when the bytes look binary.</summary>
    internal static string? DecodeText(byte[] bytes)
    {
        string text;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            text = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        else
        {
            try { text = new UTF8Encoding(false, true).GetString(bytes); }
            catch (DecoderFallbackException) { text = Encoding.Latin1.GetString(bytes); }
        }
        text = text.TrimStart('\uFEFF');
        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        return control > text.Length / 100 + 1 ? null : text;
    }
}
