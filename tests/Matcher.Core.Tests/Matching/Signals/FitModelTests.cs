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

    private static FitModel Scaled(params (double Fit, double Score)[] knots) => new()
    {
        Name = "scaled",
        Intercept = 0,
        Weights = new Dictionary<string, double> { [SignalNames.Focus] = 100, [SignalNames.MustHaves] = 0 },
        Calibration = knots.Select(k => new CalibrationKnot(k.Fit, k.Score)).ToList(),
    };

    [Theory]
    [InlineData(20, 10)]     // on a knot
    [InlineData(30, 22.5)]   // halfway between 20 → 10 and 40 → 35
    [InlineData(50, 60)]     // halfway between 40 → 35 and 60 → 85
    [InlineData(5, 10)]      // below the first knot: the first knot's score
    [InlineData(-30, 10)]
    [InlineData(90, 85)]     // above the last knot: the last knot's score
    public void The_scale_interpolates_between_knots_and_stays_flat_beyond_them(double raw, double expected)
    {
        var model = Scaled((20, 10), (40, 35), (60, 85));

        Assert.Equal(expected, model.Scale(raw), 6);
    }

    [Fact]
    public void A_model_without_a_scale_scores_its_raw_fit_clamped_as_models_before_the_scale_did()
    {
        var model = Scaled();

        Assert.Equal(42.5, model.Scale(42.5));
        Assert.Equal(0, model.Scale(-12));
        Assert.Equal(100, model.Scale(130));
    }

    [Fact]
    public void The_scale_rises_with_the_raw_fit_and_stays_inside_0_to_100()
    {
        var model = Scaled((-10, 0), (5, 4), (20, 30), (21, 31), (45, 70), (80, 100));

        var previous = double.NegativeInfinity;
        for (var raw = -40.0; raw <= 120; raw += 0.25)
        {
            var score = model.Scale(raw);
            Assert.InRange(score, 0, 100);
            Assert.True(score >= previous, $"score {score} at {raw} fell below {previous}");
            if (raw > -10 && raw < 80)
                Assert.True(score > previous, $"score {score} at {raw} does not rise inside the knots");
            previous = score;
        }
    }

    [Theory]
    [InlineData("[{\"fit\":10,\"score\":20},{\"fit\":10,\"score\":40}]", "knot 2")]
    [InlineData("[{\"fit\":10,\"score\":20},{\"fit\":30,\"score\":60},{\"fit\":40,\"score\":55}]", "knot 3")]
    [InlineData("[{\"fit\":10,\"score\":20}]", "at least two knots")]
    [InlineData("[{\"fit\":10,\"score\":20},{\"fit\":30,\"score\":120}]", "outside the 0–100")]
    public void A_calibration_that_does_not_rise_strictly_is_rejected_on_load_with_the_knot_named(string knots, string message)
    {
        var json = "{\"name\":\"bad\",\"intercept\":0,\"weights\":{\"focus\":1},\"calibration\":" + knots + "}";

        var error = Assert.Throws<InvalidDataException>(() => FitModel.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_file_without_a_calibration_loads_with_no_scale()
    {
        var json = "{\"name\":\"old\",\"intercept\":-5,\"weights\":{\"focus\":60},\"mustHaveCap\":49}";

        var model = FitModel.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Empty(model.Calibration);
        Assert.Equal(25, model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 0.5 }).Score);
    }

    [Fact]
    public void The_scale_applies_before_the_must_have_cap_so_a_missing_must_have_still_holds_the_score()
    {
        var model = Scaled((0, 0), (50, 70), (100, 100)) with { MustHaveCap = 49 };

        var met = model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 0.5, [SignalNames.MustHaves] = 1 });
        var missing = model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 0.5, [SignalNames.MustHaves] = 0.5 });
        var weakMissing = model.Combine(new Dictionary<string, double> { [SignalNames.Focus] = 0.2, [SignalNames.MustHaves] = 0.5 });

        Assert.Equal(70, met.Score);
        Assert.Equal(50, met.Raw, 6);
        Assert.Equal(49, missing.Score);
        Assert.True(missing.Capped);
        // Raw 20 scales to 28, under the cap: nothing to hold.
        Assert.Equal(28, weakMissing.Score);
        Assert.False(weakMissing.Capped);
    }

    [Fact]
    public void A_rising_scale_keeps_every_order_so_spearman_is_the_same_with_and_without_it()
    {
        var plain = new FitModel
        {
            Name = "plain",
            Intercept = 0,
            Weights = new Dictionary<string, double> { [SignalNames.Focus] = 40, [SignalNames.Role] = 20 },
        };
        // Raw fits run from 0 to 58.5 in steps of 0.5, inside the knots, where no rounding can tie two of them.
        var scaled = plain with { Calibration = [new(-1, 1), new(10, 12), new(25, 40), new(40, 70), new(60, 96)] };
        var values = Enumerable.Range(0, 40)
            .Select(i => new Dictionary<string, double> { [SignalNames.Focus] = (i * 7 % 40) / 40.0, [SignalNames.Role] = (i * 13 % 40) / 40.0 })
            .ToList();
        var labels = values.Select((v, i) => (double)(i * 11 % 17)).ToList();

        var before = values.Select(v => plain.Combine(v).Score).ToList();
        var after = values.Select(v => scaled.Combine(v).Score).ToList();

        Assert.NotEqual(before, after);
        Assert.Equal(RankMetrics.AverageRanks(before), RankMetrics.AverageRanks(after));
        Assert.Equal(RankMetrics.Spearman(before, labels), RankMetrics.Spearman(after, labels));
    }

    [Fact]
    public void Quantile_matching_maps_the_raw_fits_inner_quartiles_to_the_targets_and_holds_the_ends_at_0_and_100()
    {
        double[] raws = [10, 20, 30, 40, 50];
        double[] targets = [0, 5, 50, 90, 100];

        var knots = FitModel.MatchQuantiles(raws, targets, 5);

        Assert.Equal([new CalibrationKnot(0, 0), new CalibrationKnot(20, 5), new CalibrationKnot(30, 50), new CalibrationKnot(40, 90), new CalibrationKnot(100, 100)], knots);
    }

    [Fact]
    public void Applicants_above_every_fit_the_scale_was_learned_on_stay_apart()
    {
        var raws = Enumerable.Range(0, 40).Select(i => 20 + i * 0.5).ToList();
        var model = Scaled() with { Calibration = FitModel.MatchQuantiles(raws, raws.Select(r => r * 1.2).ToList(), 9) };

        Assert.True(model.Scale(45) < model.Scale(55) && model.Scale(55) < model.Scale(70), $"{model.Scale(45)}, {model.Scale(55)}, {model.Scale(70)}");
    }

    [Fact]
    public void Quantile_matching_rises_strictly_even_where_targets_repeat()
    {
        var raws = Enumerable.Range(0, 50).Select(i => (double)i).ToList();
        var targets = Enumerable.Repeat(12.5, 30).Concat(Enumerable.Repeat(87.5, 20)).ToList();

        var knots = FitModel.MatchQuantiles(raws, targets, 9);

        Assert.All(knots.Zip(knots.Skip(1)), p => Assert.True(p.Second.Fit > p.First.Fit && p.Second.Score > p.First.Score, $"{p.First} then {p.Second}"));
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes((Scaled() with { Calibration = knots }).ToJson()));
        Assert.Equal(knots, FitModel.Load(json).Calibration);
    }

    [Fact]
    public void Label_only_pairs_are_spread_across_their_band_and_fine_scores_kept()
    {
        var pairs = new[]
        {
            new LabelledPair("p", 0, "a", 1), new LabelledPair("p", 0, "b", 1), new LabelledPair("p", 0, "c", 3, 81),
            new LabelledPair("p", 0, "d", 0),
        };

        var targets = FitTraining.CalibrationTargets(pairs).Order().ToList();

        Assert.Equal([12.5, 31.25, 43.75, 81], targets);
    }

    [Fact]
    public void Training_learns_a_rising_scale_that_spreads_the_raw_fits_over_the_targets()
    {
        // The raw fit orders the pairs right but bunches them; the scale should send the ends towards the targets' ends.
        var samples = new List<SignalSample>();
        foreach (var posting in new[] { "p1", "p2" })
            for (var i = 0; i <= 20; i++)
            {
                var a = i / 20.0;
                var target = 100 * a;
                samples.Add(new SignalSample(new LabelledPair(posting, 0, $"cv{i}.md", (int)Math.Min(3, target / 25), target),
                    new Dictionary<string, double> { [SignalNames.Focus] = 0.4 + 0.2 * a + (posting == "p1" ? 0.02 : 0), [SignalNames.Role] = 0.5 }));
            }

        var model = FitTraining.Train(samples, "trained");

        Assert.Equal(FitTraining.CalibrationKnots, model.Calibration.Count);
        Assert.InRange(model.Calibration[0].Score, 0, 5);
        Assert.InRange(model.Calibration[^1].Score, 95, 100);
        var best = model.Combine(samples.Last().Values);
        var worst = model.Combine(samples[0].Values);
        Assert.True(best.Score - worst.Score > 1.5 * (best.Raw - worst.Raw), $"raw {worst.Raw} to {best.Raw} scaled to {worst.Score} to {best.Score}");
    }
}
