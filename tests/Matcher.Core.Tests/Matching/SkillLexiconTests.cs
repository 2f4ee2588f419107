using Matcher.Core.Matching.Lexicon;

namespace Matcher.Core.Tests.Matching;

public class SkillLexiconTests
{
    private static HashSet<string> Find(string text) => SkillLexicon.Default.Find(Tokenizer.Tokenize(text));

    [Fact]
    public void Torch_and_TF_are_read_as_PyTorch_and_TensorFlow()
    {
        var found = Find("Trained models in Torch and TF 2.x");
        Assert.Contains("pytorch", found);
        Assert.Contains("tensorflow", found);
    }

    [Fact]
    public void C_slash_Cpp_yields_both_languages()
    {
        var found = Find("Proficient in C/C++ and C#");
        Assert.Contains("c", found);
        Assert.Contains("c++", found);
        Assert.Contains("c#", found);
    }

    [Fact]
    public void CV_means_computer_vision_only_next_to_vision_words()
    {
        Assert.Contains("computer vision", Find("Built CV models for object segmentation in images"));
        Assert.DoesNotContain("computer vision", Find("Please attach your CV and a cover letter"));
    }

    [Fact]
    public void Multi_word_aliases_match_as_phrases()
    {
        Assert.Contains("machine learning", Find("Five years of applied machine learning"));
        Assert.Contains("ci/cd", Find("Set up continuous integration with GitHub Actions"));
        Assert.DoesNotContain("machine learning", Find("Operated a learning machine"));
    }

    [Fact]
    public void Languages_are_found_by_name()
    {
        var tokens = Tokenizer.Tokenize("Fluent Japanese; business-level English");
        Assert.Equal(["english", "japanese"], SkillLexicon.Default.FindLanguages(tokens).Order());
    }
}
