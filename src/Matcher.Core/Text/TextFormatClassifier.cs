using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Matcher.Core.Documents;
using Format = Matcher.Core.Documents.DocumentFormat;

namespace Matcher.Core.Text;

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
                return new DocumentContent(Format.Json, text, text);
            }
            catch (JsonException)
            {
                // Not JSON after all: a text that starts with a bracket.
            }
        }
        if (HtmlStart().IsMatch(trimmed))
            return new DocumentContent(Format.Html, HtmlText(text), text);
        // List items alone are plain text; Markdown needs headings, emphasis or links.
        if (MarkdownMarkers().Matches(text).Count >= 2)
            return new DocumentContent(Format.Markdown, MarkdownText.ToPlain(text), text);
        return new DocumentContent(Format.PlainText, text);
    }

    private static string HtmlText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var node in document.QuerySelectorAll("script,style,noscript,template"))
            node.Remove();
        var root = (AngleSharp.Dom.IElement?)document.Body ?? document.DocumentElement;
        return Matcher.Core.Documents.TextNormalizer.Normalize(Matcher.Core.Documents.HtmlBlockText.Render(root));
    }

    [GeneratedRegex(@"^<(?:!doctype\s+html|html|head|body|div|p|h[1-6]|ul|ol|section|article|main|table)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();

    [GeneratedRegex(@"^(#{1,6}\s+\S.*|.*\*\*[^*]+\*\*.*|.*\[[^\]]+\]\([^)]+\).*)$", RegexOptions.Multiline)]
    private static partial Regex MarkdownMarkers();
}
