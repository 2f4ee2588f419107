using Matcher.Core.Cvs;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Postings;

namespace Matcher.Core.Matching.Scoring;

/// <summary>What the scorer needs to know about a CV, computed once per match.</summary>
internal sealed class CvProfile
{
    public required CvDocument Cv { get; init; }
    public required IReadOnlyList<EvidenceUnit> Units { get; init; }
    public required IReadOnlyList<HashSet<string>> UnitConcepts { get; init; }
    public required HashSet<string> Concepts { get; init; }
    public required HashSet<string> Stems { get; init; }
    public required HashSet<string> Languages { get; init; }
    public required DegreeLevel Degree { get; init; }
    public required double TotalYears { get; init; }
    public required YearMonth Now { get; init; }

    public static CvProfile Build(CvDocument cv, IReadOnlyList<EvidenceUnit> units, SkillLexicon lexicon, YearMonth now)
    {
        var unitConcepts = units.Select(u => lexicon.Find(Tokenizer.Tokenize(u.Text))).ToList();
        var allTokens = Tokenizer.Tokenize(cv.Text);
        var concepts = lexicon.Find(allTokens);
        concepts.UnionWith(unitConcepts.SelectMany(c => c));
        // A credential the CV says lapsed or is not yet held does not count, wherever else it is named.
        // Only where a CV states what it holds, so "scheduled maintenance" in a bullet removes nothing.
        var statements = string.Join("\n", cv.Certifications.Append(cv.Summary ?? ""));
        var notHeld = lexicon.Find(Tokenizer.Tokenize(Credentials.NotHeld(statements)));
        concepts.ExceptWith(notHeld);
        unitConcepts.ForEach(c => c.ExceptWith(notHeld));

        var languages = lexicon.FindLanguages(cv.Languages.SelectMany(Tokenizer.Tokenize).ToList());
        languages.UnionWith(lexicon.FindLanguages(allTokens));
        if (EnglishText.IsLikelyEnglish(allTokens))
            languages.Add("english");

        var years = cv.TotalYearsExperience > 0 ? cv.TotalYearsExperience : ExperienceYears.Union(cv.Experience, now).Years;
        return new CvProfile
        {
            Cv = cv,
            Units = units,
            UnitConcepts = unitConcepts,
            Concepts = concepts,
            Stems = allTokens.Select(Tokenizer.Stem).ToHashSet(StringComparer.Ordinal),
            Languages = languages,
            Degree = HighestDegree(cv, concepts),
            TotalYears = years,
            Now = now,
        };
    }

    private static DegreeLevel HighestDegree(CvDocument cv, HashSet<string> concepts)
    {
        var stated = cv.Education.Select(e => e.Level ?? DegreeLevel.None).DefaultIfEmpty(DegreeLevel.None).Max();
        if (stated > DegreeLevel.None)
            return stated;
        // Education entries without a recognised level: fall back to degree words anywhere in the CV.
        if (cv.Education.Count == 0)
            return DegreeLevel.None;
        return concepts.Contains("phd") ? DegreeLevel.PhD
            : concepts.Contains("master") ? DegreeLevel.Master
            : concepts.Contains("bachelor") ? DegreeLevel.Bachelor
            : DegreeLevel.None;
    }
}

/// <summary>Years covered by dated roles, overlapping periods counted once.</summary>
public static class ExperienceYears
{
    public sealed record Span(YearMonth Start, YearMonth End);

    public static (double Years, IReadOnlyList<Span> Spans) Union(IEnumerable<Role> roles, YearMonth now)
    {
        var intervals = roles
            .Where(r => r.Start is not null)
            .Select(r =>
            {
                var start = r.Start!.Value;
                var end = r.IsCurrent ? now : r.End ?? start;
                return end < start ? (start, start) : (start, end);
            })
            .OrderBy(i => i.Item1.TotalMonths)
            .ToList();
        var merged = new List<Span>();
        foreach (var (start, end) in intervals)
        {
            if (merged.Count > 0 && start.TotalMonths <= merged[^1].End.TotalMonths + 1)
            {
                if (end > merged[^1].End)
                    merged[^1] = merged[^1] with { End = end };
            }
            else
                merged.Add(new Span(start, end));
        }
        // Both ends are inclusive months: Jan–Dec of one year is twelve months.
        var months = merged.Sum(s => s.End.TotalMonths - s.Start.TotalMonths + 1);
        return (Math.Round(months / 12.0, 2), merged);
    }
}

internal static class EnglishText
{
    private static readonly HashSet<string> CommonWords = ["the", "and", "of", "to", "in", "for", "with", "on", "a", "as", "at", "by", "i", "my", "led", "team"];

    public static bool IsLikelyEnglish(IReadOnlyList<string> tokens) =>
        tokens.Count >= 20 && tokens.Count(CommonWords.Contains) >= tokens.Count * 0.06;
}
