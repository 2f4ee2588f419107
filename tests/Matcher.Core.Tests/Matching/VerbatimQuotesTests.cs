using Matcher.Core.Matching;

namespace Matcher.Core.Tests.Matching;

public class VerbatimQuotesTests
{
    private const string Cv = "Marta Visser\n\nExperience\nAudio DSP Engineer  |  SoundWorks, Eindhoven   2019 – 2021\n• Designed adaptive noise-reduction\n  filters for headsets in Matlab.\nEducation\nMSc Electrical Engineering — TU Eindhoven, 2018\n";

    [Fact]
    public void A_line_in_the_text_is_quoted_as_it_stands_with_its_offsets_even_across_a_line_break()
    {
        var quote = new VerbatimQuotes(Cv).Find("Designed adaptive noise-reduction filters for headsets in Matlab.");

        Assert.NotNull(quote);
        Assert.Equal("Designed adaptive noise-reduction filters for headsets in Matlab.", quote.Text);
        Assert.Equal(Cv.IndexOf("Designed", StringComparison.Ordinal), quote.Start);
        Assert.Equal("Designed adaptive noise-reduction\n  filters for headsets in Matlab.", Cv.Substring(quote.Start, quote.Length));
    }

    [Fact]
    public void A_line_built_from_parts_quotes_the_texts_line_that_holds_them()
    {
        var quotes = new VerbatimQuotes(Cv);

        var role = quotes.Find("Audio DSP Engineer at SoundWorks");
        var degree = quotes.Find("MSc Electrical Engineering, TU Eindhoven");

        Assert.Equal("Audio DSP Engineer | SoundWorks, Eindhoven 2019 – 2021", role!.Text);
        Assert.Equal("Audio DSP Engineer  |  SoundWorks, Eindhoven   2019 – 2021", Cv.Substring(role.Start, role.Length));
        Assert.Equal("MSc Electrical Engineering — TU Eindhoven, 2018", degree!.Text);
    }

    [Fact]
    public void Words_the_text_does_not_hold_are_not_quoted()
    {
        Assert.Null(new VerbatimQuotes(Cv).Find("Kubernetes operator"));
        Assert.Null(new VerbatimQuotes("").Find("anything"));
    }
}
