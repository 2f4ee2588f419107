using Matcher.Core.Cvs;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Postings;
using Matcher.Core.Text;

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

    private VerbatimQuotes? _quotes;
    private readonly Dictionary<int, CvQuote?> _quoted = [];

    /// <summary>The CV's own words for one of its units, located once and remembered: a unit can be evidence for many requirements.</summary>
    public CvQuote? QuoteOf(int unit)
    {
        lock (_quoted)
        {
            if (!_quoted.TryGetValue(unit, out var quote))
                _quoted[unit] = quote = (_quotes ??= new VerbatimQuotes(Cv.Text)).Find(Units[unit].Text);
            return quote;
        }
    }

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

        var years = cv.TotalYearsExperience > 0 ? cv.TotalYearsExperience : ExperienceCalculator.TotalYears(cv.Experience, now);
        return new CvProfile
        {
            Cv = cv,
            Units = units,
            UnitConcepts = unitConcepts,
            Concepts = concepts,
            Stems = allTokens.Select(Tokenizer.Stem).ToHashSet(StringComparer.Ordinal),
            Languages = languages,
            Degree = HighestDegree(cv),
            TotalYears = years,
            Now = now,
        };
    }

    private static DegreeLevel HighestDegree(CvDocument cv)
    {
        var stated = cv.Education.Select(e => e.Level ?? DegreeLevel.None).DefaultIfEmpty(DegreeLevel.None).Max();
        if (stated > DegreeLevel.None)
            return stated;
        // Education entries without a recognised level: fall back to degree words anywhere in the CV.
        if (cv.Education.Count == 0)
            return DegreeLevel.None;
        return DegreeVocabulary.Default.Find(cv.Text)?.Level ?? DegreeLevel.None;
    }
}

internal static class EnglishText
{
    private static readonly HashSet<string> CommonWords = ["the", "and", "of", "to", "in", "for", "with", "on", "a", "as", "at", "by", "i", "my", "led", "team"];

    public static bool IsLikelyEnglish(IReadOnlyList<string> tokens) =>
        tokens.Count >= 20 && tokens.Count(CommonWords.Contains) >= tokens.Count * 0.06;
}
