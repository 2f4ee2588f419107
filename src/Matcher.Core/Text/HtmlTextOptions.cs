namespace Matcher.Core.Text;

/// <summary>How a reader wants an HTML page turned into text.</summary>
internal sealed record HtmlTextOptions
{
    /// <summary>The settings for documents such as CVs: every visible element kept, table cells joined by " | " as in DOCX tables.</summary>
    public static HtmlTextOptions Document { get; } = new();

    /// <summary>
    /// Leaves out navigation, footers, forms and buttons. On a saved job page they belong to the job board,
    /// not the posting; on a CV page the footer may hold the contact details, so documents keep them.
    /// </summary>
    public bool SkipPageChrome { get; init; }

    /// <summary>What goes between two cells of a table row.</summary>
    public string CellSeparator { get; init; } = " | ";

    /// <summary>
    /// Whether a bold or strong span is a heading ("&lt;p&gt;&lt;b&gt;Requirements:&lt;/b&gt; 3+ years…"), which then gets
    /// a line of its own. Null when the reader has no heading vocabulary.
    /// </summary>
    public Func<string, bool>? IsHeading { get; init; }
}
