using Matcher.Core.Evaluation;

namespace Matcher.Core.Tests.Evaluation;

public class TfIdfScorerTests
{
    [Fact]
    public void Tokenizes_lower_case_without_stop_words_keeping_language_names_whole()
    {
        var tokens = TfIdfScorer.Tokenize("The C++ and C# developer, with Go experience.").ToList();

        Assert.Equal(["c++", "c#", "developer", "go", "experience"], tokens);
    }

    [Fact]
    public void Scores_identical_texts_one_and_texts_without_shared_words_zero()
    {
        var scorer = new TfIdfScorer(["registered nurse icu", "java backend engineer"]);

        Assert.Equal(1.0, scorer.Score("Registered nurse, ICU", "registered nurse icu"), 1e-9);
        Assert.Equal(0.0, scorer.Score("registered nurse icu", "java backend engineer"), 1e-9);
    }

    [Fact]
    public void Weighs_a_rare_shared_word_above_a_common_one()
    {
        var scorer = new TfIdfScorer(["java kafka", "java spring", "java maven", "java gradle"]);

        var sharesRareWord = scorer.Score("java kafka", "kafka");
        var sharesCommonWord = scorer.Score("java kafka", "java");

        Assert.True(sharesRareWord > sharesCommonWord, $"{sharesRareWord} should exceed {sharesCommonWord}");
    }

    [Fact]
    public void Dampens_repeated_words_sublinearly()
    {
        var scorer = new TfIdfScorer(["sales quota", "nurse licence"]);

        // Saying "sales" ten times must not make a text more similar than saying it twice makes it to "sales quota" by much.
        var twice = scorer.Score("sales sales quota", "sales quota");
        var tenTimes = scorer.Score(string.Join(' ', Enumerable.Repeat("sales", 10)) + " quota", "sales quota");

        Assert.True(tenTimes > 0.8, $"ten repeats scored {tenTimes}");
        Assert.True(twice > tenTimes);
    }
}
