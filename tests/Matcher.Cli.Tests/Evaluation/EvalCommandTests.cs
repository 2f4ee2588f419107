using System.Text.Json;
using Matcher.Cli;
using Matcher.Core.Evaluation;

namespace Matcher.Cli.Tests.Evaluation;

[Collection(CliCollection.Name)]
public class EvalCommandTests
{
    private static readonly string Labels = Path.Combine(AppContext.BaseDirectory, "fixtures", "eval", "labels.csv");


    [Fact]
    public async Task Tfidf_baseline_reports_every_posting_and_a_mean_spearman_as_json()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("eval", "--labels", Labels, "--baseline", "tfidf", "--json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("tfidf", root.GetProperty("scorer").GetString());
        var mean = root.GetProperty("mean").GetProperty("spearman").GetDouble();
        Assert.InRange(mean, -0.999, 0.999);
        Assert.InRange(root.GetProperty("mean").GetProperty("ndcg10").GetDouble(), 0.0, 1.0);

        var reported = root.GetProperty("postings").EnumerateArray()
            .Select(p => (p.GetProperty("posting").GetString()!, p.GetProperty("position").GetInt32()))
            .ToHashSet();
        var set = await new LabelSetLoader().LoadAsync(Labels, cancellationToken: TestContext.Current.CancellationToken);
        var labelled = set.Pairs.Select(p => (p.Posting, p.Position)).ToHashSet();
        Assert.Equal(labelled.Order(), reported.Order());
        Assert.All(root.GetProperty("postings").EnumerateArray(), p => Assert.True(p.GetProperty("pairs").GetInt32() >= 20));
    }

    [Fact]
    public async Task Prints_a_table_with_one_row_per_posting_and_the_means()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("eval", "--labels", Labels, "--baseline", "tfidf");

        Assert.Equal(0, exit);
        Assert.Contains("104_senior-backend-engineer.md", stdout);
        Assert.Contains("mean over 12 of 12", stdout);
        Assert.Contains("scorer: tfidf", stdout);
    }

    [Theory]
    [InlineData("embedding", "embedding")]
    [InlineData(null, "engine")]
    public async Task The_engine_and_the_embedding_baseline_score_every_labelled_group(string? baseline, string expectedScorer)
    {
        var small = Path.Combine(AppContext.BaseDirectory, "fixtures", "eval-small", "labels.csv");
        string[] args = baseline is null ? ["eval", "--labels", small, "--json"] : ["eval", "--labels", small, "--baseline", baseline, "--json"];

        var (exit, stdout, stderr) = await CliRun.RunAsync(args);

        Assert.True(exit == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Equal(expectedScorer, json.RootElement.GetProperty("scorer").GetString());
        var groups = json.RootElement.GetProperty("postings").EnumerateArray().ToList();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.True(g.GetProperty("pairs").GetInt32() > 0));
    }

    [Fact]
    public async Task Details_list_every_labelled_pair_with_its_label_and_score()
    {
        var (exit, stdout, _) = await CliRun.RunAsync("eval", "--labels", Labels, "--baseline", "tfidf", "--details");

        Assert.Equal(0, exit);
        var set = await new LabelSetLoader().LoadAsync(Labels, cancellationToken: TestContext.Current.CancellationToken);
        var rows = stdout.Split('\n').SkipWhile(l => !l.StartsWith("label", StringComparison.Ordinal)).Skip(1)
            .Where(l => l.Contains(" / ", StringComparison.Ordinal)).ToList();
        Assert.Equal(set.Pairs.Count, rows.Count);
        var first = set.Pairs[0];
        Assert.Contains(rows, r => r.TrimStart().StartsWith(first.Label.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            && r.EndsWith($"{first.Posting} / {first.Position} / {first.Cv}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_baseline_is_bad_input()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("eval", "--labels", Labels, "--baseline", "bm25");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown scorer 'bm25'", stderr);
    }

    [Fact]
    public async Task A_missing_labels_file_is_bad_input()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("eval", "--labels", "no/such/labels.csv", "--baseline", "tfidf");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr);
    }

    private static string Scored => Path.Combine(AppContext.BaseDirectory, "fixtures", "eval-small", "scored.csv");

    [Fact]
    public async Task Compare_with_folds_measures_the_engine_in_and_out_of_sample_beside_both_baselines()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("eval", "--labels", Scored, "--compare", "--folds", "2", "--json");

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var scorers = json.RootElement.EnumerateArray().Select(r => r.GetProperty("scorer").GetString()).ToList();
        Assert.Equal(["engine", "engine, 2-fold held out", "tfidf", "embedding"], scorers);
        Assert.All(json.RootElement.EnumerateArray(), r =>
        {
            Assert.Equal(["barista.md", "forklift.md"], r.GetProperty("postings").EnumerateArray().Select(p => p.GetProperty("posting").GetString()));
            Assert.Equal(JsonValueKind.Number, r.GetProperty("mean").GetProperty("medianSpearman").ValueKind);
        });
    }

    [Fact]
    public async Task The_comparison_table_prints_every_scorer_the_calibration_and_each_folds_weights()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("eval", "--labels", Scored, "--compare", "--folds", "2");

        Assert.True(exit == 0, stderr);
        Assert.Contains("[1] engine; [2] engine, 2-fold held out; [3] tfidf; [4] embedding", stdout);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("median", StringComparison.Ordinal));
        Assert.Contains("engine: mean score by label 0:", stdout);
        Assert.Contains("fold-1-of-2: intercept", stdout);
        Assert.Contains("fold-2-of-2: intercept", stdout);
        Assert.Contains("fold-1-of-2: scale (raw fit → score)", stdout);
    }

    [Fact]
    public async Task Train_writes_a_fit_model_the_engine_can_load()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fit-model-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, _, stderr) = await CliRun.RunAsync("eval", "--labels", Scored, "--train", path);

            Assert.True(exit == 0, stderr);
            await using var file = File.OpenRead(path);
            var model = Core.Matching.Signals.FitModel.Load(file);
            Assert.Equal(FitTraining.Signals.Order(), model.Weights.Keys.Order());
            Assert.Contains("6 labelled pairs of 2 postings", model.TrainedOn);
            Assert.True(model.Calibration.Count >= 2, $"{model.Calibration.Count} knots");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Signals_writes_one_row_per_pair_with_its_label_every_signal_and_the_engines_score()
    {
        var path = Path.Combine(Path.GetTempPath(), $"signals-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, _, stderr) = await CliRun.RunAsync("eval", "--labels", Scored, "--signals", path);

            Assert.True(exit == 0, stderr);
            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            var header = lines[0].Split(',');
            Assert.Equal(["posting", "position", "cv", "label", "score", .. FitTraining.Signals, "score:engine"], header);
            Assert.Equal(7, lines.Length);
            var barista = lines.Single(l => l.StartsWith("barista.md,0,ana-reis.md,", StringComparison.Ordinal)).Split(',');
            Assert.Equal(("3", "92"), (barista[3], barista[4]));
            Assert.All(barista[5..], cell => Assert.InRange(double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture), 0, 100));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Folds_need_at_least_as_many_postings_as_groups()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("eval", "--labels", Scored, "--folds", "3");

        Assert.Equal(2, exit);
        Assert.Contains("--folds 3 needs at least 3 postings; the set has 2", stderr);
    }
}
