using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matcher.Core.Matching.Signals;

/// <summary>
/// How the signals combine into the 0–100 score: a linear model (an intercept and one weight per signal) fitted to
/// careful readers' fine scores gives the raw fit, a monotone scale (<see cref="Calibration"/>) turns the raw fit into
/// the score, then a cap applies when a must-have is missing, because a recruiter does not shortlist a candidate
/// without the licence or enrolment the post depends on, however well the rest fits. The shipped model is
/// <c>fit-model.json</c>; its name and numbers go into every receipt.
/// </summary>
public sealed record FitModel
{
    public required string Name { get; init; }

    /// <summary>What the weights were fitted on, for the reader of a receipt.</summary>
    public string? TrainedOn { get; init; }

    /// <summary>Score points before any signal counts.</summary>
    public double Intercept { get; init; }

    /// <summary>Points per unit of each signal (signals are 0–1).</summary>
    public required IReadOnlyDictionary<string, double> Weights { get; init; }

    /// <summary>Highest score a CV can have when a must-have of the position is not shown: the top of a weak fit.</summary>
    public double MustHaveCap { get; init; } = 49;

    /// <summary>
    /// Knots of the scale from raw fit to score, both strictly increasing: between knots the score is interpolated
    /// linearly, beyond the ends it stays at the end knot's score, inside 0–100. The linear fit orders applicants well
    /// but bunches them in the middle of the range; the scale spreads them as the readers' scores are spread, so a score
    /// says more about which band of fit a CV is in.
    /// Empty on models made before the scale, whose score is the raw fit clamped to 0–100, so their receipts re-score alike.
    /// </summary>
    public IReadOnlyList<CalibrationKnot> Calibration
    {
        get => calibration;
        init => calibration = Checked(value ?? []);
    }

    private readonly IReadOnlyList<CalibrationKnot> calibration = [];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static FitModel Default { get; } = LoadDefault();

    public static FitModel Load(Stream json) =>
        JsonSerializer.Deserialize<FitModel>(json, JsonOptions) ?? throw new InvalidDataException("The fit model file is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static FitModel LoadDefault()
    {
        using var stream = typeof(FitModel).Assembly.GetManifestResourceStream("Matcher.Core.fit-model.json")
            ?? throw new InvalidOperationException("The fit model is not embedded in Matcher.Core.");
        return Load(stream);
    }

    /// <summary>
    /// The score of a set of signal values, the points each one adds and the raw fit (intercept plus points, before
    /// the scale and the cap); a signal the model does not know adds nothing.
    /// </summary>
    public (double Score, IReadOnlyDictionary<string, double> Points, bool Capped, double Raw) Combine(IReadOnlyDictionary<string, double> values)
    {
        var points = values.ToDictionary(v => v.Key, v => Weights.GetValueOrDefault(v.Key) * v.Value, StringComparer.Ordinal);
        var raw = Intercept + points.Values.Sum();
        // The cap comes after the scale: it is a point on the score's own scale, the top of a weak fit.
        var score = Scale(raw);
        var capped = values.GetValueOrDefault(SignalNames.MustHaves, 1) < 1 && score > MustHaveCap;
        if (capped)
            score = MustHaveCap;
        return (Math.Round(score, 1), points, capped, raw);
    }

    /// <summary>The score a raw fit maps to on this model's scale, 0–100.</summary>
    public double Scale(double raw)
    {
        var knots = Calibration;
        if (knots.Count == 0)
            return Math.Clamp(raw, 0, 100);
        if (raw <= knots[0].Fit)
            return Math.Clamp(knots[0].Score, 0, 100);
        if (raw >= knots[^1].Fit)
            return Math.Clamp(knots[^1].Score, 0, 100);
        var i = 1;
        while (knots[i].Fit < raw)
            i++;
        var (lo, hi) = (knots[i - 1], knots[i]);
        return Math.Clamp(lo.Score + (hi.Score - lo.Score) * (raw - lo.Fit) / (hi.Fit - lo.Fit), 0, 100);
    }

    /// <summary>
    /// Knots learned by quantile matching: the raw fits' inner quantiles (an eighth, a quarter, … seven eighths for
    /// nine knots) are mapped to the targets' same quantiles, so the scores of a set are spread as the readers' scores
    /// are. The ends are held at raw 0 → 0 and raw 100 → 100, where the raw fit's own scale ends, rather than at the
    /// set's lowest and highest fits: a new posting's best applicants often read above any the scale was learned on,
    /// and a flat end would tie them. Where targets repeat (labels without fine scores) each knot is nudged just above
    /// the one before, as the scale must rise strictly to keep every order. Fewer than two distinct raw fits give no knots.
    /// </summary>
    public static IReadOnlyList<CalibrationKnot> MatchQuantiles(IReadOnlyList<double> raws, IReadOnlyList<double> targets, int knots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(knots, 3);
        // A set too small or too alike to show a spread learns no scale: its raw fit stands, clamped.
        if (raws.Distinct().Count() < 2 || targets.Count < 2)
            return [];
        var fits = raws.Order().ToArray();
        var scores = targets.Order().ToArray();
        var result = new List<CalibrationKnot> { new(0, 0) };
        var inner = knots - 2;
        for (var k = 1; k <= inner; k++)
        {
            var q = k / (double)(inner + 1);
            var fit = Math.Round(Quantile(fits, q), 3);
            var score = Math.Max(Math.Round(Quantile(scores, q), 2), result[^1].Score + 0.01);
            if (fit <= result[^1].Fit || fit >= 100 || score >= 100)
                continue;
            result.Add(new CalibrationKnot(fit, score));
        }
        result.Add(new CalibrationKnot(100, 100));
        return result;
    }

    private static double Quantile(double[] sorted, double q)
    {
        var at = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(at);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    private static IReadOnlyList<CalibrationKnot> Checked(IReadOnlyList<CalibrationKnot> knots)
    {
        if (knots.Count == 1)
            throw new InvalidDataException("The fit model's calibration needs at least two knots, or none.");
        for (var i = 0; i < knots.Count; i++)
        {
            if (!double.IsFinite(knots[i].Score) || knots[i].Score is < 0 or > 100 || !double.IsFinite(knots[i].Fit))
                throw new InvalidDataException($"Calibration knot {i + 1} ({knots[i].Fit} → {knots[i].Score}) is outside the 0–100 score or not a number.");
            if (i > 0 && (knots[i].Fit <= knots[i - 1].Fit || knots[i].Score <= knots[i - 1].Score))
                throw new InvalidDataException($"The fit model's calibration must rise strictly in both fit and score, or it could reorder applicants; knot {i + 1} ({knots[i].Fit} → {knots[i].Score}) does not rise above knot {i} ({knots[i - 1].Fit} → {knots[i - 1].Score}).");
        }
        return knots;
    }

    /// <summary>
    /// Fits the weights by ridge-regularised least squares to target scores (0–100). The penalty keeps weights
    /// of correlated signals small and shared rather than large and opposed, which carries better to new postings.
    /// Every signal is a "more is better" reading, so none may count against fit: a signal that would get a
    /// negative weight is dropped (weight 0) and the rest refitted, most negative first.
    /// </summary>
    public static FitModel Fit(IReadOnlyList<(IReadOnlyDictionary<string, double> Values, double Target)> samples,
        IReadOnlyList<string> signals, double ridge, string name, string? trainedOn = null, double mustHaveCap = 49)
    {
        var kept = signals.ToList();
        while (true)
        {
            var model = FitLeastSquares(samples, kept, ridge, name, trainedOn, mustHaveCap);
            var negative = model.Weights.Where(w => w.Value < 0).OrderBy(w => w.Value).Select(w => w.Key).FirstOrDefault();
            if (negative is null)
                return model with { Weights = signals.ToDictionary(s => s, s => model.Weights.GetValueOrDefault(s), StringComparer.Ordinal) };
            kept.Remove(negative);
        }
    }

    private static FitModel FitLeastSquares(IReadOnlyList<(IReadOnlyDictionary<string, double> Values, double Target)> samples,
        IReadOnlyList<string> signals, double ridge, string name, string? trainedOn, double mustHaveCap)
    {
        // With a penalty the system is solvable for any number of pairs; without one it needs a pair per unknown.
        if (samples.Count == 0 || (ridge <= 0 && samples.Count < signals.Count + 1))
            throw new InvalidOperationException($"Fitting {signals.Count} signal weights without a ridge penalty needs at least {signals.Count + 1} labelled pairs; got {samples.Count}.");
        var n = signals.Count + 1;
        var a = new double[n, n];
        var b = new double[n];
        foreach (var (values, target) in samples)
        {
            var x = Row(values, signals);
            for (var i = 0; i < n; i++)
            {
                b[i] += x[i] * target;
                for (var j = 0; j < n; j++)
                    a[i, j] += x[i] * x[j];
            }
        }
        // The intercept is not penalised; the penalty scales with the sample count so it means the same for any set size.
        for (var i = 1; i < n; i++)
            a[i, i] += ridge * samples.Count;
        var w = Solve(a, b);
        return new FitModel
        {
            Name = name,
            TrainedOn = trainedOn,
            Intercept = Math.Round(w[0], 3),
            Weights = signals.Select((s, i) => (s, Math.Round(w[i + 1], 3))).ToDictionary(p => p.s, p => p.Item2, StringComparer.Ordinal),
            MustHaveCap = mustHaveCap,
        };
    }

    private static double[] Row(IReadOnlyDictionary<string, double> values, IReadOnlyList<string> signals)
    {
        var x = new double[signals.Count + 1];
        x[0] = 1;
        for (var i = 0; i < signals.Count; i++)
            x[i + 1] = values.GetValueOrDefault(signals[i]);
        return x;
    }

    /// <summary>Gaussian elimination with partial pivoting; the systems here are a handful of unknowns.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                    pivot = r;
            if (Math.Abs(a[pivot, c]) < 1e-12)
                throw new InvalidOperationException("The signals are linearly dependent on this set; add a ridge penalty or more pairs.");
            for (var j = 0; j < n; j++)
                (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            (b[c], b[pivot]) = (b[pivot], b[c]);
            for (var r = 0; r < n; r++)
            {
                if (r == c)
                    continue;
                var f = a[r, c] / a[c, c];
                for (var j = c; j < n; j++)
                    a[r, j] -= f * a[c, j];
                b[r] -= f * b[c];
            }
        }
        return Enumerable.Range(0, n).Select(i => b[i] / a[i, i]).ToArray();
    }
}

/// <summary>One point of a fit model's scale: the raw fit <paramref name="Fit"/> scores <paramref name="Score"/>.</summary>
public sealed record CalibrationKnot(double Fit, double Score);
