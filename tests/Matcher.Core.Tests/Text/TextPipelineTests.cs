using Matcher.Core.Cvs;
using Format = Matcher.Core.Documents.DocumentFormat;
using Matcher.Core.Text;

namespace Matcher.Core.Tests.Text;

/// <summary>CVs and postings read bullets, HTML and formats through the same steps.</summary>
public sealed class TextPipelineTests
{
    [Theory]
    [InlineData("•")]
    [InlineData("・")]
    [InlineData("·")]
    [InlineData("∙")]
    [InlineData("⁃")]
    [InlineData("□")]
    [InlineData("◆")]
    [InlineData("◇")]
    [InlineData("❖")]
    [InlineData("▶")]
    [InlineData("→")]
    [InlineData("\uF0B7")]
    public void A_bullet_glyph_opens_a_list_item_in_cvs_and_postings_alike(string glyph)
    {
        var cvLine = CvLine.From($"{glyph} Python and SQL");

        Assert.Equal(("Python and SQL", true), (cvLine.Text, cvLine.IsBullet));
        Assert.Equal("• Python and SQL", TextNormalizer.Normalize($"{glyph} Python and SQL"));
    }

    [Theory]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"JobPosting\"}</script>", Format.Html)]
    [InlineData("<div><p>Data Engineer</p></div>", Format.Html)]
    [InlineData("{\"basics\": {\"name\": \"Jane\"}}", Format.Json)]
    [InlineData("[Remote] Data Engineer\nWe are hiring.", Format.PlainText)]
    [InlineData("# Data Engineer\n\n**Requirements**\n- SQL", Format.Markdown)]
    public void One_sniffer_tells_the_format_from_the_text(string text, Format format) =>
        Assert.Equal(format, TextFormatClassifier.Sniff(text));

    [Fact]
    public void Html_keeps_table_cells_apart_for_documents_and_drops_page_chrome_only_when_asked()
    {
        const string html = "<body><nav>Jobs Home</nav><table><tr><td>Skills</td><td>SQL</td></tr></table><p>Line one<br>Line two</p></body>";

        var document = TextNormalizer.Tidy(HtmlText.FromHtml(html, HtmlTextOptions.Document));
        var posting = TextNormalizer.Tidy(HtmlText.FromHtml(html, HtmlTextOptions.Document with { SkipPageChrome = true, CellSeparator = " " }));

        Assert.Equal("Jobs Home\n\nSkills | SQL\n\nLine one\nLine two", document);
        Assert.Equal("Skills SQL\n\nLine one\nLine two", posting);
    }

    [Fact]
    public void Markdown_keeps_a_cvs_link_address_and_drops_it_from_a_posting_line()
    {
        const string line = "**GitHub:** [janedoe](https://github.com/janedoe)";

        Assert.Equal("GitHub: janedoe (https://github.com/janedoe)", MarkdownText.StripInline(line, keepLinkTargets: true));
        Assert.Equal("GitHub: janedoe", MarkdownText.StripInline(line, keepLinkTargets: false));
    }
}
