using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Matcher.Core.Text;

/// <summary>
/// The visible text of an HTML page or fragment, one line per block and a bullet per list item, so the
/// section and list structure of the document survives. Scripts and styles are always left out.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head",
    };

    private static readonly HashSet<string> PageChrome = new(StringComparer.OrdinalIgnoreCase)
    {
        "svg", "nav", "footer", "form", "button", "iframe",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "form", "ul", "ol", "dl", "dt", "dd",
        "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "figure", "hr", "body",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string FromHtml(string html, HtmlTextOptions options)
    {
        var document = new HtmlParser().ParseDocument(html);
        return FromNode((INode?)document.Body ?? document.DocumentElement ?? (INode)document, options);
    }

    public static string FromNode(INode root, HtmlTextOptions options)
    {
        var builder = new StringBuilder();
        Append(root, builder, options);
        return builder.ToString();
    }

    private static void Append(INode node, StringBuilder builder, HtmlTextOptions options)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(Whitespace().Replace(text.Data, " "));
                    break;
                case IElement element:
                    AppendElement(element, builder, options);
                    break;
            }
        }
    }

    private static void AppendElement(IElement element, StringBuilder builder, HtmlTextOptions options)
    {
        var name = element.LocalName;
        if (Hidden.Contains(name) || options.SkipPageChrome && PageChrome.Contains(name))
            return;
        if (name == "br")
        {
            builder.Append('\n');
            return;
        }
        if (name == "li")
        {
            builder.Append('\n').Append(TextNormalizer.Bullet);
            Append(element, builder, options);
            builder.Append('\n');
            return;
        }
        if (name is "td" or "th")
        {
            if (element.PreviousElementSibling is not null)
                builder.Append(options.CellSeparator);
            Append(element, builder, options);
            return;
        }
        var block = Blocks.Contains(name)
            || name is "strong" or "b" && options.IsHeading is { } isHeading && isHeading(element.TextContent.Trim());
        if (block)
            builder.Append('\n');
        Append(element, builder, options);
        if (block)
            builder.Append('\n');
    }
}
