using System.Text;
using AngleSharp.Dom;

namespace Matcher.Core.Documents;

/// <summary>Renders an HTML element as text with a line per block element and a bullet per list item.</summary>
internal static class HtmlBlockText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "li", "br", "hr", "form", "figure",
    };

    public static string Render(IElement root)
    {
        var sb = new StringBuilder();
        Walk(root, sb);
        return sb.ToString();
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                sb.Append(System.Text.RegularExpressions.Regex.Replace(text.Data, @"\s+", " "));
                continue;
            }
            if (child is not IElement element)
                continue;
            var tag = element.LocalName;
            var block = Blocks.Contains(tag);
            if (block) sb.Append('\n');
            if (tag == "li") sb.Append("• ");
            if (tag is "td" or "th" && element.PreviousElementSibling is not null) sb.Append(" | ");
            Walk(element, sb);
            if (block) sb.Append('\n');
        }
    }
}
