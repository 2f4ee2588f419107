using Matcher.Core.Documents;
using Matcher.Core.Evaluation;

namespace Matcher.Core.Tests.Evaluation;

public class LabelSetLoaderTests
{
    private static string Small(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", "eval-small", file);

    private static Task<LabelSet> LoadAsync(string path) => new LabelSetLoader().LoadAsync(path, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Loads_pairs_and_the_text_of_every_document_they_name()
    {
        var set = await LoadAsync(Small("labels.csv"));

        Assert.Equal(6, set.Pairs.Count);
        Assert.Equal(["barista.md", "forklift.md"], set.PostingTexts.Keys.Order());
        Assert.Contains("latte art", set.CvTexts["ana-reis.md"]);
        Assert.Equal(new LabelledPair("barista.md", 0, "ana-reis.md", 3), set.Pairs[0]);
    }

    [Fact]
    public async Task Reads_the_fine_score_column_and_compares_orders_with_it_where_present()
    {
        var scored = await LoadAsync(Small("scored.csv"));
        var plain = await LoadAsync(Small("labels.csv"));

        Assert.Equal(92, scored.Pairs[0].Score);
        Assert.Equal(92, scored.Pairs[0].Reference);
        Assert.All(plain.Pairs, p => Assert.Null(p.Score));
        Assert.Equal(3, plain.Pairs[0].Reference);
    }

    [Fact]
    public async Task Reads_quoted_fields_and_positions_and_ignores_extra_columns()
    {
        var set = await LoadAsync(Small("quoted.csv"));

        Assert.Equal([0, 1], set.Pairs.Select(p => p.Position));
        Assert.Equal("barista.md", set.Pairs[0].Posting);
    }

    [Fact]
    public async Task Loads_the_shipped_evaluation_set_with_a_chosen_brochure_position()
    {
        var set = await LoadAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "eval", "labels.csv"));

        Assert.True(set.Pairs.Count >= 200);
        Assert.True(set.PostingTexts.Count >= 8);
        Assert.True(set.CvTexts.Count >= 40);
        Assert.Contains(set.Pairs, p => p.Posting == "001_0ca12d176819fc95.txt" && p.Position == 7);
        Assert.All(set.Pairs.GroupBy(p => (p.Posting, p.Position)), g => Assert.True(g.Count() >= 20, $"{g.Key} has {g.Count()} labels"));
    }

    [Theory]
    [InlineData("bad-label.csv", "line 2 has label '5'")]
    [InlineData("bad-label.csv", "line 3 has label 'two'")]
    [InlineData("missing-column.csv", "lacks the column(s) label")]
    [InlineData("missing-cv.csv", "CV file 'ghost.md' is not in")]
    [InlineData("duplicate.csv", "line 3 labels ana-reis.md against barista.md position 0 a second time")]
    [InlineData("bad-position.csv", "line 2 has position '-1'")]
    [InlineData("bad-score.csv", "line 3 has score '140'; fine scores are numbers from 0 to 100")]
    public async Task Rejects_a_faulty_labels_file_naming_the_line_and_the_fault(string file, string expected)
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => LoadAsync(Small(file)));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public async Task Rejects_a_labels_path_that_does_not_exist()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => LoadAsync(Small("nope.csv")));

        Assert.Contains("does not exist", ex.Message);
    }
}
