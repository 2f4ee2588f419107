using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Matcher.Core.Documents;

/// <summary>Tells JSON, HTML and Markdown apart from plain text by looking at the decoded text.</summary>
internal static partial class TextFormatClassifier
{
    public static DocumentContent Classify(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                using var _ = JsonDocument.Parse(trimmed, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                return new DocumentContent(DocumentFormat.Json, text, text);
            }
            catch (JsonException)
            {
                // Not JSON after all: a text that starts with a bracket.
            }
        }
        if (HtmlStart().IsMatch(trimmed))
            return new DocumentContent(DocumentFormat.Html, HtmlText(text), text);
        // List items alone are plain text; Markdown needs headings, emphasis or links.
        if (MarkdownMarkers().Matches(text).Count >= 2)
            return new DocumentContent(DocumentFormat.Markdown, MarkdownText.ToPlain(text), text);
        return new DocumentContent(DocumentFormat.PlainText, text);
    }

    private static string HtmlText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var node in document.QuerySelectorAll("script,style,noscript,template"))
            node.Remove();
        var root = (AngleSharp.Dom.IElement?)document.Body ?? document.DocumentElement;
        return TextNormalizer.Normalize(HtmlBlockText.Render(root));
    }

    [GeneratedRegex(@"^<(?:!doctype\s+html|html|head|body|div|p|h[1-6]|ul|ol|section|article|main|table)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"^(#{1,6}\s+\S.*|.*\*\*[^*]+\*\*.*|.*\[[^\]]+\]\([^)]+\).*)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarkers();
}
