using Matcher.Core.Evaluation;

namespace Matcher.Core.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly string ShippedLabels = Path.Combine(AppContext.BaseDirectory, "fixtures", "eval", "labels.csv");
    private static readonly string SmallLabels = Path.Combine(AppContext.BaseDirectory, "fixtures", "eval-small", "labels.csv");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A scorer that knows the labels, mapped through <paramref name="transform"/>.</summary>
    private static Func<string, string, int, CancellationToken, Task<double>> FromLabels(LabelSet set, Func<int, double> transform)
    {
        var byText = set.Pairs.ToDictionary(p => (set.CvTexts[p.Cv], set.PostingTexts[p.Posting], p.Position), p => p.Label);
        return (cv, posting, position, _) => Task.FromResult(transform(byText[(cv, posting, position)]));
    }

    [Fact]
    public async Task A_scorer_that_agrees_with_the_labels_scores_one_on_every_posting()
    {
        var set = await new LabelSetLoader().LoadAsync(ShippedLabels, cancellationToken: Ct);

        var result = await new Evaluator().EvaluateAsync(set, "oracle", FromLabels(set, l => l * 10.0), Ct);

        Assert.Equal(set.Pairs.Select(p => (p.Posting, p.Position)).Distinct().Count(), result.Postings.Count);
        Assert.All(result.Postings, p =>
        {
            Assert.Equal(1.0, p.Spearman!.Value, 1e-9);
            Assert.Equal(1.0, p.Ndcg10!.Value, 1e-9);
        });
        Assert.Equal(1.0, result.Mean.Spearman!.Value, 1e-9);
        Assert.Equal(1.0, result.Mean.SpearmanInField!.Value, 1e-9);
        Assert.Equal(set.Pairs.Count, result.Postings.Sum(p => p.Pairs));
    }

    [Fact]
    public async Task Orders_are_compared_with_the_fine_score_where_the_set_has_one_and_medians_are_reported()
    {
        var set = await new LabelSetLoader().LoadAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "eval-small", "scored.csv"), cancellationToken: Ct);
        var byText = set.Pairs.ToDictionary(p => (set.CvTexts[p.Cv], set.PostingTexts[p.Posting], p.Position), p => p);
        var result = await new Evaluator().EvaluateAsync(set, "fine", (cv, posting, position, _) => Task.FromResult(byText[(cv, posting, position)].Score!.Value), Ct);
        var reversed = await new Evaluator().EvaluateAsync(set, "reversed", (cv, posting, position, _) => Task.FromResult(-byText[(cv, posting, position)].Score!.Value), Ct);

        Assert.All(result.Postings, p => Assert.Equal(1.0, p.Spearman!.Value, 1e-9));
        Assert.Equal(1.0, result.Mean.MedianSpearman!.Value, 1e-9);
        Assert.Equal(-1.0, reversed.Mean.MedianSpearman!.Value, 1e-9);
    }

    [Fact]
    public async Task Scores_between_labels_follow_the_fine_score_not_the_label()
    {
        var set = await new LabelSetLoader().LoadAsync(ShippedLabels, cancellationToken: Ct);
        // Same labels, fine scores that reverse the order inside each label: a label-only scorer no longer looks perfect.
        var rescored = set with { Pairs = set.Pairs.Select((p, i) => p with { Score = p.Label * 25 + (i % 2 == 0 ? 20 : 2) }).ToList() };
        var byText = rescored.Pairs.ToDictionary(p => (set.CvTexts[p.Cv], set.PostingTexts[p.Posting], p.Position), p => p);

        var labelOnly = await new Evaluator().EvaluateAsync(rescored, "labels", (cv, posting, position, _) => Task.FromResult((double)byText[(cv, posting, position)].Label), Ct);
        var fine = await new Evaluator().EvaluateAsync(rescored, "fine", (cv, posting, position, _) => Task.FromResult(byText[(cv, posting, position)].Score!.Value), Ct);

        Assert.True(labelOnly.Mean.Spearman < 0.999, $"label-only Spearman {labelOnly.Mean.Spearman}");
        Assert.Equal(1.0, fine.Mean.Spearman!.Value, 1e-9);
    }

    [Fact]
    public async Task A_scorer_that_inverts_the_labels_scores_minus_one()
    {
        var set = await new LabelSetLoader().LoadAsync(ShippedLabels, cancellationToken: Ct);

        var result = await new Evaluator().EvaluateAsync(set, "inverted", FromLabels(set, l => -l), Ct);

        Assert.Equal(-1.0, result.Mean.Spearman!.Value, 1e-9);
        Assert.True(result.Mean.Ndcg10 < 0.5);
    }

    [Fact]
    public async Task Skips_a_posting_whose_labels_are_all_equal_with_a_note_and_leaves_it_out_of_the_mean()
    {
        var set = await new LabelSetLoader().LoadAsync(SmallLabels, cancellationToken: Ct);

        var result = await new Evaluator().EvaluateAsync(set, "oracle", FromLabels(set, l => l), Ct);

        var forklift = Assert.Single(result.Postings, p => p.Posting == "forklift.md");
        Assert.Null(forklift.Spearman);
        Assert.Null(forklift.Ndcg10);
        Assert.Contains("skipped", forklift.Note);
        Assert.Equal(1.0, result.Mean.Spearman!.Value, 1e-9);
    }

    [Fact]
    public async Task A_scorer_with_one_score_for_every_cv_counts_as_no_better_than_chance()
    {
        var set = await new LabelSetLoader().LoadAsync(SmallLabels, cancellationToken: Ct);

        var result = await new Evaluator().EvaluateAsync(set, "constant", (_, _, _, _) => Task.FromResult(50.0), Ct);

        var barista = Assert.Single(result.Postings, p => p.Posting == "barista.md");
        Assert.Equal(0.0, barista.Spearman);
        Assert.Contains("same score", barista.Note);
    }

    [Fact]
    public async Task Passes_the_labelled_position_to_the_scorer()
    {
        var set = await new LabelSetLoader().LoadAsync(ShippedLabels, cancellationToken: Ct);
        var seen = new HashSet<int>();

        await new Evaluator().EvaluateAsync(set, "probe", (_, _, position, _) => { lock (seen) seen.Add(position); return Task.FromResult(0.0); }, Ct);

        Assert.Contains(7, seen);
        Assert.Contains(0, seen);
    }
}
