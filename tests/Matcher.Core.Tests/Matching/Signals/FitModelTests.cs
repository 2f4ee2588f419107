using Matcher.Core.Evaluation;
using Matcher.Core.Matching.Signals;

namespace Matcher.Core.Tests.Matching.Signals;

public class FitModelTests
{
    private static readonly string[] Names = ["a", "b", "c"];

    /// <summary>Signal values on a fixed grid, so the samples are the same on every run.</summary>
    private static List<(IReadOnlyDictionary<string, double> Values, double Target)> Samples(Func<double, double, double, double> target)
    {
        var samples = new List<(IReadOnlyDictionary<string, double>, double)>();
        for (var i = 0; i < 6; i++)
            for (var j = 0; j < 6; j++)
                for (var k = 0; k < 6; k++)
                {
                    double a = i / 5.0, b = j / 5.0, c = (k * 7 % 6) / 5.0;
                    samples.Add((new Dictionary<string, double> { ["a"] = a, ["b"] = b, ["c"] = c }, target(a, b, c)));
                }
        return samples;
    }

    [Fact]
    public void Recovers_the_weights_that_made_the_targets()
    {
        var model = FitModel.Fit(Samples((a, b, c) => 10 + 40 * a + 20 * b + 5 * c), Names, ridge: 0, "exact");

        Assert.Equal(10, model.Intercept, 2);
        Assert.Equal(40, model.Weights["a"], 2);
        Assert.Equal(20, model.Weights["b"], 2);
        Assert.Equal(5, model.Weights["c"], 2);
    }

    [Fact]
    public void A_ridge_penalty_shrinks_the_weights_towards_zero()
    {
        var exact = FitModel.Fit(Samples((a, b, c) => 10 + 40 * a + 20 * b), Names, ridge: 0, "exact");
        var ridged = FitModel.Fit(Samples((a, b, c) => 10 + 40 * a + 20 * b), Names, ridge: 0.5, "ridged");

        Assert.True(ridged.Weights["a"] < exact.Weights["a"] - 1, $"{ridged.Weights["a"]} should be below {exact.Weights["a"]}");
        Assert.True(ridged.Weights["a"] > 0);
    }

    [Fact]
    public void A_signal_that_would_count_against_fit_gets_no_weight_and_the_rest_are_refitted()
    {
        var model = FitModel.Fit(Samples((a, b, c) => 10 + 40 * a - 15 * c), Names, ridge: 0, "no-negative");

        Assert.Equal(0, model.Weights["c"]);
        Assert.All(model.Weights.Values, w => Assert.True(w >= 0));
        Assert.Equal(40, model.Weights["a"], 1);
        Assert.Equal(["a", "b", "c"], model.Weights.Keys);
    }

    [Fact]
    public void Combines_signals_into_points_and_caps_the_score_when_a_must_have_is_missing()
    {
        var model = new FitModel
        {
            Name = "test",
            Intercept = 5,
            Weights = new Dictionary<string, double> { [SignalNames.Focus] = 60, [SignalNames.Role] = 30, [SignalNames.MustHaves] = 0 },
            MustHaveCap = 49,
        };

        var all = model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 1, [SignalNames.Role] = 0.5, [SignalNames.MustHaves] = 1 });
        var missing = model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 1, [SignalNames.Role] = 0.5, [SignalNames.MustHaves] = 0.5 });
        var weak = model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 0.2, [SignalNames.Role] = 0, [SignalNames.MustHaves] = 0 });

        Assert.Equal(80, all.Score);
        Assert.Equal(60, all.Points[SignalNames.Focus]);
        Assert.False(all.Capped);
        Assert.Equal(49, missing.Score);
        Assert.True(missing.Capped);
        Assert.Equal(17, weak.Score);
        Assert.False(weak.Capped);
    }

    [Fact]
    public void The_shipped_model_weighs_every_signal_the_engine_measures_and_round_trips_through_json()
    {
        var model = FitModel.Default;

        Assert.Equal(FitTraining.Signals.Order(), model.Weights.Keys.Order());
        Assert.All(model.Weights.Values, w => Assert.True(w >= 0));
        Assert.Contains(model.Weights.Values, w => w > 0);
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(model.ToJson()));
        var again = FitModel.Load(json);
        Assert.Equal(model.Intercept, again.Intercept);
        Assert.Equal(model.Weights, again.Weights);
    }

    [Fact]
    public void Folds_split_postings_the_same_way_every_time_and_cross_validation_scores_each_pair_held_out()
    {
        string[] postings = ["p4", "p1", "p3", "p2", "p1"];
        var folds = FitTraining.Folds(postings, 2);
        Assert.Equal(["p1", "p3"], folds[0].Order());
        Assert.Equal(["p2", "p4"], folds[1].Order());

        // Fold 1's postings follow one rule and fold 2's the opposite: a model fitted on one half cannot score the other well,
        // which only a truly held-out score shows.
        var samples = new List<SignalSample>();
        foreach (var posting in new[] { "p1", "p2", "p3", "p4" })
            for (var i = 0; i <= 10; i++)
            {
                var a = i / 10.0;
                var score = posting is "p1" or "p3" ? 100 * a : 100 * (1 - a);
                samples.Add(new SignalSample(new LabelledPair(posting, 0, $"cv{i}.md", (int)Math.Min(3, score / 25), score),
                    new Dictionary<string, double> { [SignalNames.Focus] = a, [SignalNames.Role] = 1 - a }));
            }

        var (scores, models) = FitTraining.CrossValidate(samples, 2);

        Assert.Equal(samples.Count, scores.Count);
        Assert.Equal(2, models.Count);
        var firstFoldPair = samples.First(s => s.Pair.Posting == "p1" && s.Values[SignalNames.Focus] == 1).Pair;
        // Fitted on p2 and p4 only, where focus counts against fit: the best p1 CV scores low.
        Assert.True(scores[firstFoldPair] < 50, $"held-out score {scores[firstFoldPair]}");
    }
}
