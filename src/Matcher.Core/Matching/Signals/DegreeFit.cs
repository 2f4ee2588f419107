using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Matching.Scoring;
using Matcher.Core.Postings;

namespace Matcher.Core.Matching.Signals;

/// <summary>
/// The CV's highest degree against the degree the position requires. The requirement rows already weigh it, but as
/// one row among many, and a bachelor's for a post that asks a master's reads there as "partly met" rather than as the
/// gap a recruiter sees: a graduate programme that takes master's students screens out applicants with a first degree
/// only, however well their skills read. The bar is the highest level any required row asks (the lowest level each
/// row names, since "an MS or PhD" is met by an MS); preferred rows do not set it.
/// </summary>
internal static class DegreeFit
{
    public static SignalValue Signal(IReadOnlyList<Requirement> requirements, DegreeLevel held, double totalYears, MatchingOptions options, SkillLexicon lexicon)
    {
        var asked = requirements
            .Where(r => r.Kind == RequirementKind.Required)
            .Select(r => RequirementText.Analyse(r, lexicon))
            .Where(a => a.Degree is > DegreeLevel.None)
            .ToList();
        if (asked.Count == 0)
            return new SignalValue(SignalNames.Degree, 1, "The position requires no degree");
        var bar = asked.Max(a => a.Degree!.Value);
        // Where any row at the bar takes experience in place of the degree, so does the bar.
        var equivalent = asked.Any(a => a.Degree == bar && a.EquivalentExperience);
        var (value, how) = held >= bar ? (1.0, "meets it")
            : equivalent && totalYears >= StructuredChecks.EquivalentYears[bar] ? (options.EquivalentExperienceDegreeScore, "has the years accepted in its place")
            : held == bar - 1 ? (options.DegreeOneLevelBelowScore, "is one level below it")
            : (0.0, "is well below it");
        return new SignalValue(SignalNames.Degree, value, $"The position requires {StructuredChecks.Name(bar)}; the CV shows {StructuredChecks.Name(held)}, which {how}");
    }
}
