using Matcher.Web.Components.Cvs;

namespace Matcher.Web.Tests.Cvs;

public class TextHighlightTests
{
    private static readonly string Cv = File.ReadAllText(Fixtures.Path("e2e", "priya-raman-cv.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Marks_a_quoted_line_and_keeps_every_character_of_the_text()
    {
        var segments = TextHighlight.Split(Cv, "Built object detection and image segmentation models in PyTorch and deployed them to production on AWS.");

        var marked = Assert.Single(segments, s => s.Highlighted);
        Assert.Equal("Built object detection and image segmentation models in PyTorch and deployed them to production on AWS.", marked.Text);
        Assert.Equal(Cv, string.Concat(segments.Select(s => s.Text)));
        Assert.EndsWith("- ", segments[segments.ToList().IndexOf(marked) - 1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_case_and_differences_in_spacing_and_line_breaks()
    {
        var segments = TextHighlight.Split("Led code reviews and\n   introduced CODING standards.", "led code reviews and introduced coding standards");

        Assert.Equal([new TextSegment("Led code reviews and\n   introduced CODING standards", true), new TextSegment(".", false)], segments);
    }

    [Fact]
    public void Marks_the_parts_of_a_quote_assembled_from_a_role_heading()
    {
        var segments = TextHighlight.Split(Cv, "Senior Software Engineer at Lumen Imaging Ltd");

        Assert.Equal(["Senior Software Engineer", "Lumen Imaging Ltd"], segments.Where(s => s.Highlighted).Select(s => s.Text));
        Assert.Equal(Cv, string.Concat(segments.Select(s => s.Text)));
    }

    [Fact]
    public void A_quote_not_in_the_text_marks_nothing()
    {
        var segments = TextHighlight.Split(Cv, "Ran Kubernetes clusters for a bank");

        Assert.Equal([new TextSegment(Cv, false)], segments);
    }

    [Fact]
    public void Regex_characters_in_a_quote_are_taken_literally()
    {
        var segments = TextHighlight.Split("Skills: C++, C#, .NET (8+)", "C++, C#, .NET (8+)");

        Assert.Equal("C++, C#, .NET (8+)", Assert.Single(segments, s => s.Highlighted).Text);
    }
}
