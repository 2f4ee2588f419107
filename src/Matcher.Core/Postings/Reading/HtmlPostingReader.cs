using AngleSharp.Html.Parser;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Reads a posting from an HTML page: a schema.org JobPosting in <c>application/ld+json</c> is preferred
/// because it carries dates, salary and location as data; otherwise the visible text is read.
/// </summary>
internal static class HtmlPostingReader
{
    private const int MaxHeadingTitleWords = 12;

    /// <summary>How postings render HTML: without the job board's page chrome, and with bold headings on lines of their own.</summary>
    public static readonly HtmlTextOptions Html = new()
    {
        SkipPageChrome = true,
        CellSeparator = " ",
        IsHeading = text => HeadingVocabulary.Classify(text) is not null,
    };

    public static Posting Read(string html, List<LineReading>? trace = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var visibleText = HtmlText.FromNode(document.Body ?? (AngleSharp.Dom.INode)document, Html);

        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            if (JsonLdPostingReader.FindJobPosting(script.TextContent) is { } job)
                return JsonLdPostingReader.Read(job, visibleText, trace);

        var heading = document.QuerySelector("h1")?.TextContent.Trim();
        var titleHint = heading is { Length: > 0 } && heading.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingTitleWords ? heading : null;
        return TextPostingReader.Read(visibleText, titleHint, trace);
    }
}
