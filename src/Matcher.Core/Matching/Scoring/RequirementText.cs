using System.Text.RegularExpressions;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Postings;
using Matcher.Core.Text;

namespace Matcher.Core.Matching.Scoring;

/// <summary>What a requirement's wording asks for: named skills, content words, degree, languages.</summary>
internal sealed partial record RequirementText(
    HashSet<string> Concepts,
    HashSet<string> Keywords,
    HashSet<string> Languages,
    bool AnyOf,
    DegreeLevel? Degree,
    bool EquivalentExperience)
{
    // Words every requirement uses; matching them says nothing about fit.
    private static readonly HashSet<string> Generic =
    [
        "experience", "year", "years", "strong", "knowledge", "ability", "able", "skill", "skills", "degree", "related",
        "field", "equivalent", "including", "using", "work", "working", "understanding", "excellent", "good", "proven",
        "track", "record", "demonstrated", "least", "plus", "preferred", "required", "require", "minimum", "familiarity",
        "familiar", "proficiency", "proficient", "solid", "deep", "hands", "relevant", "similar", "etc", "such", "other",
        "the", "and", "with", "for", "from", "that", "this", "are", "you", "your", "our", "will", "have", "has", "can",
        "who", "one", "more", "least", "any", "all", "well", "into", "within", "across", "least", "must", "should",
        "candidate", "candidates", "role", "position", "team", "teams", "environment", "industry", "new", "highly",
        "desirable", "nice", "bonus", "qualification", "qualifications", "area", "areas", "level", "based", "use",
    ];

    [GeneratedRegex(@"\b(or|and/or|such as|e\.g\.?|for example|one of|any of|similar|like)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlternativesPattern();

    [GeneratedRegex(@"\bequivalent\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EquivalentPattern();

    private static readonly HashSet<string> DegreeConcepts =
        [.. Enum.GetValues<DegreeLevel>().Where(l => l != DegreeLevel.None).Select(SkillLexicon.DegreeConcept)];

    public static RequirementText Analyse(Requirement requirement, SkillLexicon lexicon)
    {
        var tokens = Tokenizer.Tokenize(requirement.Text);
        var concepts = lexicon.Find(tokens);
        var degree = requirement.Degree ?? DegreeAskedFor(requirement);
        var conceptWords = concepts.SelectMany(c => Tokenizer.Tokenize(c)).ToHashSet(StringComparer.Ordinal);
        var keywords = tokens
            .Where(t => t.Length >= 3 && !Generic.Contains(t) && !conceptWords.Contains(t) && !lexicon.Languages.Contains(t) && !t.All(char.IsDigit))
            .Select(Tokenizer.Stem)
            .ToHashSet(StringComparer.Ordinal);
        // Degree words are judged by the degree check, not as skills to name.
        concepts.ExceptWith(DegreeConcepts);
        return new RequirementText(
            concepts,
            keywords,
            lexicon.FindLanguages(tokens),
            AlternativesPattern().IsMatch(requirement.Text),
            degree,
            requirement.EquivalentExperienceAccepted || (degree is not null && EquivalentPattern().IsMatch(requirement.Text)));
    }

    private static DegreeLevel? DegreeAskedFor(Requirement requirement)
    {
        // "MS or PhD" asks at least a master's: the lowest level named is the bar. A doctorate is a bar
        // only in an education requirement; elsewhere it is a nice-to-have ("PhD a plus").
        var level = DegreeVocabulary.Default.Find(requirement.Text) is null ? null : DegreeVocabulary.Default.Lowest(requirement.Text);
        return level == DegreeLevel.PhD && requirement.Category != RequirementCategory.Education ? null : level;
    }
}
