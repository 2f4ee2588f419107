using Bunit;
using Matcher.Web.Components.Cvs;

namespace Matcher.Web.Tests.Components;

public class CvTextViewTests : MudTestContext
{
    [Fact]
    public void Marks_the_quoted_passage_and_asks_the_browser_to_reveal_it()
    {
        var text = File.ReadAllText(Fixtures.Path("e2e", "priya-raman-cv.md")).ReplaceLineEndings("\n");

        var cut = Render<CvTextView>(p => p.Add(x => x.Text, text).Add(x => x.Quote, "Led code reviews and introduced coding standards"));

        var mark = cut.Find("mark#cv-highlight");
        Assert.Equal("Led code reviews and introduced coding standards", mark.TextContent);
        Assert.Equal(text, cut.Find("pre.cv-text").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=quote-not-found]"));
        var reveal = Assert.Single(JSInterop.Invocations, i => i.Identifier == "matcher.revealHighlight");
        Assert.Equal("cv-highlight", reveal.Arguments[0]);
    }

    [Fact]
    public void Markup_in_the_cv_text_stays_text()
    {
        var cut = Render<CvTextView>(p => p.Add(x => x.Text, "Built <b>bold</b> tools <script>alert(1)</script>").Add(x => x.Quote, "<b>bold</b>"));

        Assert.Equal("<b>bold</b>", cut.Find("mark").TextContent);
        Assert.Empty(cut.FindAll("pre b"));
        Assert.Empty(cut.FindAll("pre script"));
    }

    [Fact]
    public void Says_so_when_the_quote_is_not_in_the_text()
    {
        var cut = Render<CvTextView>(p => p.Add(x => x.Text, "Python, SQL").Add(x => x.Quote, "Kubernetes"));

        Assert.Empty(cut.FindAll("mark"));
        Assert.Contains("Kubernetes", cut.Find("[data-testid=quote-not-found]").TextContent);
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == "matcher.revealHighlight");
    }
}
