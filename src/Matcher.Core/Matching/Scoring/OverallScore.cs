using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Matching.Scoring;

/// <summary>
/// Combines requirement scores into 0–100: a weighted mean (required above preferred, times each
/// requirement's own weight), reduced in proportion to the required weight that is missing. Using shares
/// rather than counts keeps a score comparable between short and long postings.
/// </summary>
public static class OverallScore
{
    public static double Compute(IReadOnlyList<RequirementResult> results, MatchingOptions options)
    {
        double Weight(RequirementResult r) =>
            (r.Kind == RequirementKind.Required ? options.RequiredWeight : options.PreferredWeight) * r.Weight * (r.Specific ? options.SpecificWeight : 1);

        var total = results.Sum(Weight);
        if (total <= 0)
            return 0;
        var mean = results.Sum(r => Weight(r) * r.Score) / total;
        var required = results.Where(r => r.Kind == RequirementKind.Required).ToList();
        var requiredWeight = required.Sum(Weight);
        var missingShare = requiredWeight <= 0 ? 0 : required.Where(r => r.Status == MatchStatus.Missing).Sum(Weight) / requiredWeight;
        return Math.Round(100 * mean * (1 - options.MissingRequiredPenalty * missingShare), 1);
    }

    /// <summary>
    /// The overall score, verdict and counts of a set of requirement results, scaled for level. The engine
    /// and advisor overrides both finish a report here, so an override never drops the level scaling.
    /// </summary>
    public static (double Score, string Verdict, MatchSummary Summary) Finish(
        IReadOnlyList<RequirementResult> results, MatchingOptions options, double levelFactor, string? levelNote)
    {
        var score = Math.Round(Compute(results, options) * levelFactor, 1);
        var verdict = Verdict(score, results) + (levelNote is null ? "" : "; " + char.ToLowerInvariant(levelNote[0]) + levelNote[1..]);
        return (score, verdict, Summarise(results));
    }

    public static MatchSummary Summarise(IReadOnlyList<RequirementResult> results)
    {
        KindCounts Count(RequirementKind kind)
        {
            var ofKind = results.Where(r => r.Kind == kind).ToList();
            return new KindCounts(ofKind.Count(r => r.Status == MatchStatus.Met), ofKind.Count(r => r.Status == MatchStatus.Partial), ofKind.Count(r => r.Status == MatchStatus.Missing));
        }
        return new MatchSummary(
            results.Count(r => r.Status == MatchStatus.Met),
            results.Count(r => r.Status == MatchStatus.Partial),
            results.Count(r => r.Status == MatchStatus.Missing),
            Count(RequirementKind.Required),
            Count(RequirementKind.Preferred));
    }

    public static string Verdict(double score, IReadOnlyList<RequirementResult> results)
    {
        var missingRequired = results.Count(r => r.Kind == RequirementKind.Required && r.Status == MatchStatus.Missing);
        var gaps = missingRequired switch
        {
            0 => "",
            1 => "; 1 required qualification not shown",
            _ => $"; {missingRequired} required qualifications not shown",
        };
        var label = score switch
        {
            >= 75 => "Strong fit",
            >= 60 => "Good fit with some gaps",
            >= 40 => "Partial fit",
            _ => "Weak fit",
        };
        return label + gaps;
    }
}
