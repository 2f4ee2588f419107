using Matcher.Core.Matching.Signals;

namespace Matcher.Core.Evaluation;

/// <summary>One labelled pair with the signal values the engine measured for it.</summary>
public sealed record SignalSample(LabelledPair Pair, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// Fits the fit model's weights to labelled pairs and measures them honestly: split by posting, fit on some
/// postings, score the others. Figures from pairs a model was fitted on flatter it; held-out figures are the ones to report.
/// </summary>
public static class FitTraining
{
    /// <summary>The signals the model weighs, in the order its file lists them.</summary>
    public static readonly IReadOnlyList<string> Signals =
        [SignalNames.Core, SignalNames.Duties, SignalNames.Role, SignalNames.Focus, SignalNames.Years, SignalNames.MustHaves, SignalNames.Level, SignalNames.Seniority, SignalNames.Degree];

    /// <summary>Ridge penalty: small, enough to share weight between correlated signals instead of opposing them.</summary>
    public const double Ridge = 0.01;

    /// <summary>Knots of the learned scale: the raw fit's 0th, 12.5th, … 100th percentiles.</summary>
    public const int CalibrationKnots = 9;

    /// <summary>The score a pair should get: the readers' fine score, or the middle of its label's band where there is none.</summary>
    public static double Target(LabelledPair pair) => pair.Score ?? pair.Label * 25 + 12.5;

    /// <summary>
    /// Fits the weights to differences inside each posting (every value and target less its posting's mean), because
    /// the score's work is to order the applicants to one posting: how high a whole posting's pool scores says more
    /// about the posting's wording than about fit. The intercept then puts the average pair at its average target.
    /// </summary>
    public static FitModel Train(IReadOnlyList<SignalSample> samples, string name, string? trainedOn = null)
    {
        var centred = new List<(IReadOnlyDictionary<string, double> Values, double Target)>();
        foreach (var posting in samples.GroupBy(s => (s.Pair.Posting, s.Pair.Position)))
        {
            var means = Signals.ToDictionary(signal => signal, signal => posting.Average(s => s.Values.GetValueOrDefault(signal)), StringComparer.Ordinal);
            var target = posting.Average(s => Target(s.Pair));
            centred.AddRange(posting.Select(s => ((IReadOnlyDictionary<string, double>)Signals.ToDictionary(
                signal => signal, signal => s.Values.GetValueOrDefault(signal) - means[signal], StringComparer.Ordinal), Target(s.Pair) - target)));
        }
        var model = FitModel.Fit(centred, Signals, Ridge, name, trainedOn);
        var intercept = samples.Average(s => Target(s.Pair))
            - Signals.Sum(signal => model.Weights.GetValueOrDefault(signal) * samples.Average(s => s.Values.GetValueOrDefault(signal)));
        model = model with { Intercept = Math.Round(intercept, 3) };
        var raws = samples.Select(s => model.Combine(s.Values).Raw).ToList();
        return model with { Calibration = FitModel.MatchQuantiles(raws, CalibrationTargets(samples.Select(s => s.Pair)), CalibrationKnots) };
    }

    /// <summary>
    /// The scores the scale should spread a set's pairs over: each fine score, and for a pair with a label only, a
    /// place in its label's band. Label-only pairs of a band are spread evenly across it rather than stacked at its
    /// middle, since a stack would make a flat stretch of the scale and tie applicants the raw fit tells apart.
    /// </summary>
    public static IReadOnlyList<double> CalibrationTargets(IEnumerable<LabelledPair> pairs)
    {
        var list = pairs.ToList();
        var targets = list.Where(p => p.Score is not null).Select(p => p.Score!.Value).ToList();
        foreach (var band in list.Where(p => p.Score is null).GroupBy(p => p.Label))
        {
            var n = band.Count();
            targets.AddRange(Enumerable.Range(0, n).Select(i => band.Key * 25 + 25 * (i + 0.5) / n));
        }
        return targets;
    }

    /// <summary>Postings dealt into <paramref name="folds"/> groups in name order, so the split is the same on every run.</summary>
    public static IReadOnlyList<HashSet<string>> Folds(IEnumerable<string> postings, int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var groups = Enumerable.Range(0, folds).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        var i = 0;
        foreach (var posting in postings.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            groups[i++ % folds].Add(posting);
        return groups;
    }

    /// <summary>Each pair scored by a model fitted on the other folds' postings only; also the models, one per fold.</summary>
    public static (Dictionary<LabelledPair, double> Scores, IReadOnlyList<FitModel> Models) CrossValidate(IReadOnlyList<SignalSample> samples, int folds)
    {
        var scores = new Dictionary<LabelledPair, double>();
        var models = new List<FitModel>();
        var groups = Folds(samples.Select(s => s.Pair.Posting), folds);
        for (var k = 0; k < groups.Count; k++)
        {
            var held = groups[k];
            var model = Train(samples.Where(s => !held.Contains(s.Pair.Posting)).ToList(), $"fold-{k + 1}-of-{folds}");
            models.Add(model);
            foreach (var sample in samples.Where(s => held.Contains(s.Pair.Posting)))
                scores[sample.Pair] = model.Combine(sample.Values).Score;
        }
        return (scores, models);
    }

    /// <summary>Mean score per label, to check the score is calibrated: each band should sit well above the one below.</summary>
    public static IReadOnlyDictionary<int, double> MeanScoreByLabel(IEnumerable<(LabelledPair Pair, double Score)> scored) =>
        scored.GroupBy(s => s.Pair.Label).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Math.Round(g.Average(s => s.Score), 1));
}
