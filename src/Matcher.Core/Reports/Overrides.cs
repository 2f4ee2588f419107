using Matcher.Core.Matching;
using Matcher.Core.Matching.Scoring;
using Matcher.Core.Matching.Signals;

namespace Matcher.Core.Reports;

/// <summary>An advisor's decision to apply to a report.</summary>
public sealed record OverrideDecision(string RequirementId, MatchStatus Status, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>
/// Applies advisors' decisions to a report: the requirement takes the decided status and a score
/// that stands for it, and the overall score is recomputed with the weights recorded in the receipt and the report's level factor,
/// so the same decisions on the same report always give the same score.
/// </summary>
public static class Overrides
{
    /// <summary>The score an overridden requirement counts with: its own when it already agrees, else the status's anchor.</summary>
    private static double ScoreFor(MatchStatus status, RequirementResult original, MatchingOptions options) => status switch
    {
        _ when status == original.Status => original.Score,
        MatchStatus.Met => 1.0,
        MatchStatus.Partial => (options.MetThreshold + options.PartialThreshold) / 2,
        _ => 0.0,
    };

    public static MatchReport Apply(MatchReport report, IEnumerable<OverrideDecision> decisions)
    {
        // The latest decision per requirement wins; earlier ones stay in the log.
        var latest = decisions
            .GroupBy(d => d.RequirementId)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.ChangedAt).Last());
        if (latest.Count == 0)
            return report;

        var options = MatchingOptions.FromReceipt(report.Receipt);
        var rows = report.Requirements.Select(r =>
        {
            if (!latest.TryGetValue(r.Id, out var decision))
                return r;
            return r with
            {
                Status = decision.Status,
                Score = ScoreFor(decision.Status, r, options),
                Override = new RequirementOverride(r.Status, r.Score, decision.Reason, decision.ChangedBy, decision.ChangedAt),
            };
        }).ToList();

        if (report.Receipt.Model is not { } model || report.Signals.Count == 0)
        {
            // Reports made before the fit model: their score was the requirements alone, scaled for level.
            var (legacyScore, legacyVerdict, legacySummary) = OverallScore.Finish(rows, options, report.LevelFactor, report.LevelNote);
            return report with { Requirements = rows, Score = legacyScore, Verdict = legacyVerdict, Summary = legacySummary, OriginalScore = report.Score };
        }

        // Only the requirement rows changed: the requirements, core and must-have signals follow them, the others stand.
        var values = report.Signals.Select(s => s.Name switch
        {
            SignalNames.Requirements => SignalExtractor.Requirements(rows, options, report.MatchedResponsibilities),
            SignalNames.Core => SignalExtractor.CoreSignal(rows, report.MatchedResponsibilities),
            SignalNames.MustHaves => SignalExtractor.MustHavesSignal(rows),
            _ => new SignalValue(s.Name, s.Value, s.Explanation),
        }).ToList();
        var (score, verdict, signals, capNote, rawFit) = FitScore.Finish(values, model, rows, report.LevelNote);
        return report with
        {
            Requirements = rows,
            Score = score,
            Verdict = verdict,
            Summary = OverallScore.Summarise(rows),
            Signals = signals,
            CapNote = capNote,
            RawFit = rawFit,
            OriginalScore = report.Score,
        };
    }
}
