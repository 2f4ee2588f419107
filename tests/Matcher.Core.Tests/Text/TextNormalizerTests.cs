using Matcher.Core.Text;

namespace Matcher.Core.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Best Place to Play â€” its also", "Best Place to Play — its also")]
    [InlineData("myGwork â€“ the largest", "myGwork – the largest")]
    [InlineData("Apple\u00E2\u20AC\u2122s ecosystem", "Apple\u2019s ecosystem")]
    [InlineData("caf\u00C3\u00A9 au lait", "café au lait")]
    [InlineData("salary\u00C2\u00A0range", "salary range")]
    [InlineData("don\u0092t stop", "don\u2019t stop")]
    public void Repairs_utf8_text_that_was_read_as_windows_1252(string garbled, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(garbled));
    }

    [Theory]
    [InlineData("café, naïve, Ångström, São Paulo, Zürich")]
    [InlineData("Größe: 5 µm ± 0,5 — «très» bien")]
    [InlineData("Âge minimum : 18 ans")]
    public void Leaves_correct_accented_text_alone(string text)
    {
        Assert.Equal(text, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("Education &amp;amp; Experience", "Education & Experience")]
    [InlineData("A&lt;br&gt;B", "A\nB")]
    [InlineData("&lt;strong&gt;Summary&lt;/strong&gt;", "Summary")]
    public void Decodes_html_entities_including_double_escaped_markup(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("● Python", "• Python")]
    [InlineData("・ Python", "• Python")]
    [InlineData("-Python", "• Python")]
    [InlineData("* Python", "• Python")]
    [InlineData("2) Python", "• Python")]
    [InlineData("1.Submit your CV", "• Submit your CV")]
    [InlineData("3.5 years of Python", "3.5 years of Python")]
    public void Unifies_bullet_markers(string line, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(line));
    }

    [Fact]
    public void Splits_a_title_glued_to_the_previous_sentence()
    {
        var text = TextNormalizer.Normalize("a wholly-owned subsidiary of Sony Corporation.Machine Learning Engineer");

        Assert.Equal("a wholly-owned subsidiary of Sony Corporation.\nMachine Learning Engineer", text);
    }

    [Theory]
    [InlineData("Visit www.example.Com for more", "Visit www.example.Com for more")]
    [InlineData("Use e.g.Python or ASP.NET Core", "Use e.g.Python or ASP.NET Core")]
    [InlineData("We ship fast.Our team is small and kind", "We ship fast. Our team is small and kind")]
    public void Restores_only_sentence_breaks_that_lost_their_space(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }
}
