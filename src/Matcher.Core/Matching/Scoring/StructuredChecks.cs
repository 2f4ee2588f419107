using Matcher.Core.Cvs;
using System.Globalization;
using Matcher.Core.Postings;

namespace Matcher.Core.Matching.Scoring;

/// <summary>
/// The checks a posting states in numbers or levels: minimum years, degree level (with "or equivalent
/// experience"), languages. Each returns a score 0–1 and may cap the requirement, because a must-have
/// that is plainly absent cannot be made up by similar wording.
/// </summary>
internal static class StructuredChecks
{
    /// <summary>Years of experience accepted in place of each degree level when the posting allows it.</summary>
    internal static readonly IReadOnlyDictionary<DegreeLevel, double> EquivalentYears = new Dictionary<DegreeLevel, double>
    {
        [DegreeLevel.Associate] = 2, [DegreeLevel.Bachelor] = 4, [DegreeLevel.Master] = 6, [DegreeLevel.PhD] = 8,
    };

    public static (double? Score, double? Cap) Check(
        Requirement requirement, RequirementText analysis, CvProfile cv,
        IReadOnlyList<float[]> unitVectors, float[] query, MatchingOptions options, List<string> reasons)
    {
        var scores = new List<double>();
        double? cap = null;

        if (requirement.MinYears is { } minYears && minYears > 0)
        {
            var (years, spans) = RelevantYears(cv, unitVectors, query, analysis, options);
            var ratio = Math.Min(1, years / minYears);
            scores.Add(ratio);
            var range = spans.Count == 0 ? "" : $" ({string.Join(", ", spans.Select(s => $"{s.Start} to {(s.End == cv.Now ? "now" : s.End.ToString())}"))})";
            reasons.Add($"asks {Format(minYears)}+ years; CV shows {Format(years)} years in related roles{range}");
            if (ratio < options.YearsShortfallShare)
                cap = options.PartialThreshold - options.CapMargin;
            else if (ratio < 1)
                cap = options.MetThreshold - options.CapMargin;
        }

        if (analysis.Degree is { } required && required > DegreeLevel.None)
        {
            double degreeScore;
            if (cv.Degree >= required)
            {
                degreeScore = 1;
                reasons.Add($"asks {Name(required)}; CV shows {Name(cv.Degree)}");
            }
            else if (analysis.EquivalentExperience && cv.TotalYears >= EquivalentYears[required])
            {
                degreeScore = options.EquivalentExperienceDegreeScore;
                reasons.Add($"asks {Name(required)} or equivalent experience; CV shows {Name(cv.Degree)} and {Format(cv.TotalYears)} years of experience");
            }
            else
            {
                degreeScore = cv.Degree == required - 1 ? options.DegreeOneLevelBelowScore : 0;
                reasons.Add($"asks {Name(required)}; CV shows {Name(cv.Degree)}");
                cap = Math.Min(cap ?? 1, degreeScore > 0 ? options.MetThreshold - options.CapMargin : options.PartialThreshold - options.CapMargin);
            }
            scores.Add(degreeScore);
        }

        if (analysis.Languages.Count > 0)
        {
            var found = analysis.Languages.Where(cv.Languages.Contains).ToList();
            var languageScore = analysis.AnyOf ? (found.Count > 0 ? 1 : 0) : (double)found.Count / analysis.Languages.Count;
            scores.Add(languageScore);
            var missing = analysis.Languages.Except(found).ToList();
            reasons.Add(missing.Count == 0 || (analysis.AnyOf && found.Count > 0)
                ? $"CV shows {string.Join(", ", found.Select(Title))}"
                : $"CV does not mention {string.Join(", ", missing.Select(Title))}");
            if (languageScore == 0)
                cap = Math.Min(cap ?? 1, options.PartialThreshold - options.CapMargin);
        }

        return (scores.Count == 0 ? null : scores.Average(), cap);
    }

    /// <summary>
    /// Years in roles that speak to the requirement (a line similar to it, or a named skill), overlaps once.
    /// When no role is clearly related, all dated roles count at half weight: the CV may describe them briefly.
    /// </summary>
    private static (double Years, IReadOnlyList<ExperienceCalculator.Span> Spans) RelevantYears(
        CvProfile cv, IReadOnlyList<float[]> unitVectors, float[] query, RequirementText analysis, MatchingOptions options)
    {
        var relevantRoles = new HashSet<int>();
        for (var i = 0; i < cv.Units.Count; i++)
        {
            if (cv.Units[i].RoleIndex is not { } role)
                continue;
            if (RequirementScorer.Cosine(query, unitVectors[i]) >= options.RelevantRoleSimilarity
                || cv.UnitConcepts[i].Overlaps(analysis.Concepts))
                relevantRoles.Add(role);
        }
        if (relevantRoles.Count == 0)
        {
            var all = ExperienceCalculator.Spans(cv.Cv.Experience, cv.Now);
            return (Math.Round(ExperienceCalculator.Years(all) / 2, 2), all);
        }
        var spans = ExperienceCalculator.Spans(relevantRoles.Select(i => cv.Cv.Experience[i]), cv.Now);
        return (ExperienceCalculator.Years(spans), spans);
    }

    /// <summary>A degree level as a reason names it ("a master's degree"); the degree signal says it the same way.</summary>
    internal static string Name(DegreeLevel level) => level switch
    {
        DegreeLevel.PhD => "a PhD",
        DegreeLevel.Master => "a master's degree",
        DegreeLevel.Bachelor => "a bachelor's degree",
        DegreeLevel.Associate => "an associate degree",
        _ => "no degree",
    };

    private static string Format(double years) => years.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Title(string language) => char.ToUpperInvariant(language[0]) + language[1..];
}
