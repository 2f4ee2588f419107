using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Core.Documents;
using Format = Matcher.Core.Documents.DocumentFormat;

namespace Matcher.Core.Text;

/// <summary>
/// Tells JSON, HTML and Markdown apart from plain text by looking at the text itself, since a .txt file or a
/// pasted text often holds a saved page or an export.
/// </summary>
internal static partial class TextFormatClassifier
{
    public static DocumentContent Classify(string text) => Sniff(text) switch
    {
        Format.Json => new DocumentContent(Format.Json, text, text),
        Format.Html => new DocumentContent(Format.Html, TextNormalizer.Tidy(HtmlText.FromHtml(text, HtmlTextOptions.Document)), text),
        Format.Markdown => new DocumentContent(Format.Markdown, MarkdownText.ToPlain(text), text),
        _ => new DocumentContent(Format.PlainText, text),
    };

    /// <summary>The format the text is written in: JSON, HTML, Markdown or, failing those, plain text.</summary>
    public static Format Sniff(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (IsJson(start))
            return Format.Json;
        if (HtmlStart().IsMatch(start))
            return Format.Html;
        // List items alone are plain text; Markdown needs headings, emphasis or links.
        return MarkdownMarkers().Matches(text).Count >= 2 ? Format.Markdown : Format.PlainText;
    }

    private static bool IsJson(string start)
    {
        if (!start.StartsWith('{') && !start.StartsWith('['))
            return false;
        try
        {
            using var _ = JsonDocument.Parse(start, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return true;
        }
        catch (JsonException)
        {
            // A text that starts with a bracket ("[Remote] Data Engineer").
            return false;
        }
    }

    [GeneratedRegex(@"^<(?:!doctype\s+html|html|head|body|div|p|h[1-6]|ul|ol|section|article|main|table)[\s>]|^<script\s+type\s*=\s*[""']application/ld\+json", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"^(#{1,6}\s+\S.*|.*\*\*[^*]+\*\*.*|.*\[[^\]]+\]\([^)]+\).*)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarkers();
}
