using Matcher.Core.Matching.Scoring;

namespace Matcher.Core.Matching;

/// <summary>An advisor's decision to apply to a report.</summary>
public sealed record OverrideDecision(string RequirementId, MatchStatus Status, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>
/// Applies advisors' decisions to a report: the requirement takes the decided status and a score
/// that stands for it, and the overall score is recomputed with the weights recorded in the receipt,
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

        var options = FromReceipt(report.Receipt);
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

        var score = OverallScore.Compute(rows, options);
        return report with
        {
            Requirements = rows,
            Score = score,
            Verdict = OverallScore.Verdict(score, rows),
            Summary = OverallScore.Summarise(rows),
            OriginalScore = report.Score,
        };
    }

    private static MatchingOptions FromReceipt(MatchReceipt receipt)
    {
        var options = new MatchingOptions();
        double Weight(string name, double fallback) => receipt.Weights.TryGetValue(name, out var v) ? v : fallback;
        double Threshold(string name, double fallback) => receipt.Thresholds.TryGetValue(name, out var v) ? v : fallback;
        options.RequiredWeight = Weight("required", options.RequiredWeight);
        options.PreferredWeight = Weight("preferred", options.PreferredWeight);
        options.MissingRequiredPenalty = Weight("missingRequiredPenalty", options.MissingRequiredPenalty);
        options.MetThreshold = Threshold("met", options.MetThreshold);
        options.PartialThreshold = Threshold("partial", options.PartialThreshold);
        return options;
    }
}
