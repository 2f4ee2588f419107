using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Text;

/// <summary>
/// The visible text of an HTML page or fragment, one line per block and a bullet per list item, so the
/// section and list structure of the posting survives. Scripts, styles and page chrome are left out.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped =
        ["script", "style", "noscript", "template", "svg", "nav", "footer", "form", "button", "iframe", "head"];

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "section", "article", "main", "header", "aside", "ul", "ol", "dl", "dt", "dd", "table", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "figure", "hr", "body",
    ];

    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return FromNode(document.Body ?? (INode)document);
    }

    public static string FromNode(INode root)
    {
        var builder = new StringBuilder();
        Append(root, builder);
        return builder.ToString();
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data.Replace('\n', ' '));
                    break;
                case IElement element:
                    AppendElement(element, builder);
                    break;
            }
        }
    }

    private static void AppendElement(IElement element, StringBuilder builder)
    {
        var name = element.LocalName;
        if (Skipped.Contains(name))
            return;
        if (name == "br")
        {
            builder.Append('\n');
            return;
        }
        if (name == "li")
        {
            builder.Append('\n').Append(TextNormalizer.Bullet);
            Append(element, builder);
            builder.Append('\n');
            return;
        }
        if (name is "td" or "th")
        {
            Append(element, builder);
            builder.Append(' ');
            return;
        }
        // A bold or strong heading inside a paragraph ("<p><b>Requirements:</b> 3+ years…") gets a line of its own.
        var block = Blocks.Contains(name) || name is "strong" or "b" && HeadingVocabulary.Classify(element.TextContent.Trim()) is not null;
        if (block)
            builder.Append('\n');
        Append(element, builder);
        if (block)
            builder.Append('\n');
    }
}
