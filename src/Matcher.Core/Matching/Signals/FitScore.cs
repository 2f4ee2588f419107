using Matcher.Core.Matching.Scoring;
using Matcher.Core.Reports;

namespace Matcher.Core.Matching.Signals;

/// <summary>
/// Turns signal values into the report's score, verdict and signal rows. The engine and advisors' overrides both
/// finish here, so an override moves the score exactly as the model says a changed requirement should.
/// </summary>
internal static class FitScore
{
    public static (double Score, string Verdict, IReadOnlyList<FitSignal> Signals, string? CapNote, double RawFit) Finish(
        IReadOnlyList<SignalValue> values, FitModel model, IReadOnlyList<RequirementResult> results, string? levelNote)
    {
        var (score, points, capped, raw) = model.Combine(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
        var signals = values
            .Select(v => new FitSignal(v.Name, Math.Round(v.Value, 3), model.Weights.GetValueOrDefault(v.Name), Math.Round(points[v.Name], 1), v.Explanation))
            .ToList();
        var capNote = capped
            ? $"Held at {model.MustHaveCap:0} because a must-have is not shown ({values.First(v => v.Name == SignalNames.MustHaves).Explanation.Replace("Not shown: ", "", StringComparison.Ordinal)})"
            : null;
        var verdict = OverallScore.Verdict(score, results)
            + (levelNote is null ? "" : "; " + Lower(levelNote))
            + (capNote is null ? "" : "; " + Lower(capNote));
        return (score, verdict, signals, capNote, Math.Round(raw, 3));
    }

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
