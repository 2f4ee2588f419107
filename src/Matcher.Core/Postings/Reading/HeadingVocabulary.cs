using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

internal enum SectionKind
{
    /// <summary>Text before the first heading.</summary>
    Intro,
    /// <summary>A line that names the job; the text under it describes the role.</summary>
    Title,
    About,
    Summary,
    Description,
    Responsibilities,
    Requirements,
    Preferred,
    Education,
    Experience,
    Skills,
    Licences,
    /// <summary>Physical demands, work environment, travel: shown as conditions of the job, never scored.</summary>
    Conditions,
    Schedule,
    /// <summary>Pay, benefits and perks.</summary>
    Compensation,
    HowToApply,
    /// <summary>Facts such as location or period, kept as posting details.</summary>
    Details,
    Boilerplate,
    /// <summary>A list of positions in a multi-position document; its lines are read elsewhere.</summary>
    PositionList,
    /// <summary>A known heading whose text is neither a requirement nor a duty ("Additional Information").</summary>
    Other,
}

internal static class SectionKinds
{
    /// <summary>Sections whose lines are qualifications a candidate is measured against.</summary>
    public static bool AsksForQualifications(this SectionKind kind) =>
        kind is SectionKind.Requirements or SectionKind.Preferred or SectionKind.Education or SectionKind.Experience
            or SectionKind.Skills or SectionKind.Licences;

    /// <summary>Sections kept as posting details under their heading, and shown as not scored.</summary>
    public static bool IsDetail(this SectionKind kind) =>
        kind is SectionKind.Details or SectionKind.Compensation or SectionKind.HowToApply or SectionKind.Schedule or SectionKind.Conditions;
}

/// <summary>
/// Recognises section headings by the words postings use for them, in any letter case. The words live in
/// <c>headings.json</c>, grouped by the kind of section they open.
/// </summary>
internal static partial class HeadingVocabulary
{
    private const int MaxHeadingWords = 8;
    private const int MaxHeadingLength = 70;
    private const int MaxLeadingNameWords = 4;

    /// <summary>The last word of a Title Case heading that names its kind on its own ("Job Skills Requirements").</summary>
    private static readonly Dictionary<string, SectionKind> KindWords = new(StringComparer.Ordinal)
    {
        ["requirements"] = SectionKind.Requirements,
        ["qualifications"] = SectionKind.Requirements,
        ["responsibilities"] = SectionKind.Responsibilities,
        ["duties"] = SectionKind.Responsibilities,
    };

    private static readonly Dictionary<string, SectionKind> KindNames = new(StringComparer.Ordinal)
    {
        ["legal"] = SectionKind.Boilerplate,
        ["preferred"] = SectionKind.Preferred,
        ["responsibilities"] = SectionKind.Responsibilities,
        ["requirements"] = SectionKind.Requirements,
        ["education"] = SectionKind.Education,
        ["experience"] = SectionKind.Experience,
        ["skills"] = SectionKind.Skills,
        ["licences"] = SectionKind.Licences,
        ["summary"] = SectionKind.Summary,
        ["aboutTheRole"] = SectionKind.Description,
        ["aboutTheCompany"] = SectionKind.About,
        ["conditions"] = SectionKind.Conditions,
        ["schedule"] = SectionKind.Schedule,
        ["compensation"] = SectionKind.Compensation,
        ["howToApply"] = SectionKind.HowToApply,
        ["details"] = SectionKind.Details,
        ["positionList"] = SectionKind.PositionList,
        ["other"] = SectionKind.Other,
    };

    private sealed record Rules(
        IReadOnlyList<(SectionKind Kind, Regex Phrase)> Phrases,
        IReadOnlyList<(SectionKind Kind, Regex Pattern)> Patterns,
        IReadOnlyDictionary<string, IReadOnlyList<string>> CvWordings);

    /// <summary>The group of CV headings, by the name of the CV section they open ("experience").</summary>
    private const string CvGroup = "cv";

    private static readonly Lazy<Rules> Loaded = new(Load);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>CV headings as the file words them, by CV section name; the CV reader matches them its own way.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CvWordings => Loaded.Value.CvWordings;

    /// <summary>The kind of section a heading opens, or null when the line is not a heading.</summary>
    public static SectionKind? Classify(string line)
    {
        var text = Clean(line);
        if (text.Length is 0 or > MaxHeadingLength || line.StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal))
            return null;
        if (text.Split(' ').Length > MaxHeadingWords || EndsLikeSentence(text))
            return null;
        var rules = Loaded.Value;
        var normal = Normalize(text);
        if (MatchPhrase(rules, normal) is { } kind)
            return kind;
        foreach (var (patternKind, pattern) in rules.Patterns)
            if (pattern.IsMatch(text))
                return patternKind;
        return IsTitleCase(text) ? ByLastWords(rules, normal) : null;
    }

    /// <summary>The heading without a trailing colon, question mark or extra space.</summary>
    public static string Clean(string line) => line.Trim().TrimEnd(':', '：').Trim();

    /// <summary>
    /// A heading as the vocabulary spells it: lower case, "&amp;" as "and", straight quotes, hyphens and
    /// commas as spaces, "you will" as "you'll", no trailing question mark.
    /// </summary>
    public static string Normalize(string text)
    {
        var lower = TextNormalizer.StraightQuotes(text.ToLowerInvariant()).Replace("&", " and ")
            .Replace('-', ' ').Replace('–', ' ').Replace('—', ' ').Replace(',', ' ').Replace("/", " / ");
        lower = Whitespace().Replace(lower, " ").Trim().TrimEnd('?', '!').Trim();
        return lower.Replace("you will", "you'll").Replace("we are", "we're").Replace("what is", "what's").Replace("it is", "it's");
    }

    private static SectionKind? MatchPhrase(Rules rules, string normal)
    {
        foreach (var (kind, phrase) in rules.Phrases)
            if (phrase.IsMatch(normal))
                return kind;
        return null;
    }

    /// <summary>
    /// "Medical Assistant Work Hours", "Work Experience And Job Skills Requirements": a name before a known heading.
    /// Qualification headings are not found this way, since "Strong Work Experience" is a requirement, not a heading.
    /// </summary>
    private static SectionKind? ByLastWords(Rules rules, string normal)
    {
        var words = normal.Split(' ');
        for (var drop = 1; drop <= MaxLeadingNameWords && words.Length - drop >= 2; drop++)
            if (MatchPhrase(rules, string.Join(' ', words[drop..])) is { } kind && !kind.AsksForQualifications())
                return kind;
        return words.Length >= 2 && KindWords.TryGetValue(words[^1], out var last) ? last : null;
    }

    /// <summary>Every word that has letters starts with a capital (small joining words aside), or the line is in capitals.</summary>
    private static bool IsTitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).ToList();
        if (words.Count == 0)
            return false;
        return words.All(w => char.IsUpper(w.First(char.IsLetter)) || w is "and" or "or" or "of" or "the" or "to" or "for" or "in" or "&");
    }

    private static bool EndsLikeSentence(string text) =>
        text.EndsWith('.') || text.EndsWith(',') || text.EndsWith(';');

    private static Rules Load()
    {
        using var stream = typeof(HeadingVocabulary).Assembly.GetManifestResourceStream("Matcher.Core.headings.json")
            ?? throw new InvalidOperationException("The heading vocabulary is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        var phrases = new List<(SectionKind, Regex)>();
        var patterns = new List<(SectionKind, Regex)>();
        var cv = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in document.RootElement.EnumerateObject())
        {
            if (group.Name.StartsWith('_'))
                continue;
            if (group.Name == CvGroup)
            {
                foreach (var section in group.Value.EnumerateObject().Where(s => !s.Name.StartsWith('_')))
                    cv[section.Name] = section.Value.EnumerateArray().Select(e => e.GetString()!).ToList();
                continue;
            }
            if (!KindNames.TryGetValue(group.Name, out var kind))
                throw new InvalidDataException($"The heading vocabulary names an unknown section kind \"{group.Name}\".");
            foreach (var phrase in Strings(group.Value, "phrases"))
                phrases.Add((kind, PhraseRegex(phrase)));
            foreach (var pattern in Strings(group.Value, "patterns"))
                patterns.Add((kind, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)));
            foreach (var pattern in Strings(group.Value, "casedPatterns"))
                patterns.Add((kind, new Regex(pattern, RegexOptions.CultureInvariant)));
        }
        return new Rules(phrases, patterns, cv);
    }

    private static IEnumerable<string> Strings(JsonElement group, string name) =>
        group.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(e => e.GetString()!) : [];

    /// <summary>Turns "[key|main]* (duties|tasks) [and responsibilities]" into an anchored regular expression.</summary>
    internal static Regex PhraseRegex(string phrase)
    {
        var normal = Normalize(phrase.Replace("[", " [").Replace("]", "] ").Replace("] *", "]*"));
        var pattern = new StringBuilder("^");
        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i];
            switch (c)
            {
                case '(':
                    pattern.Append("(?:");
                    break;
                case '[':
                    pattern.Append("(?:(?:");
                    break;
                case ')':
                    pattern.Append(')');
                    break;
                case ']' when i + 1 < normal.Length && normal[i + 1] == '*':
                    pattern.Append(") ?)*");
                    i++;
                    break;
                case ']':
                    pattern.Append("))?");
                    break;
                case '|':
                    pattern.Append('|');
                    break;
                case ' ':
                    pattern.Append(" ?");
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }
}
