using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>Company, location and employment type found in posting prose, by common phrasings.</summary>
internal static partial class PostingFacts
{
    private const string Name = @"(?<name>\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s(?:of\s|&\s)?\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})";

    private static readonly Regex[] CompanyPatterns =
    [
        new($@"^Why (?:join |work (?:at|for) )?{Name}\??$", RegexOptions.Compiled),
        new($@"^About {Name}$", RegexOptions.Compiled),
        new($@"\bThis job is with {Name}[,.]", RegexOptions.Compiled),
        new($@"\bAt {Name}, we\b", RegexOptions.Compiled),
        new($@"\b{Name} is an? (?:[Ee]qual [Oo]pportunit(?:y|ies)|EEO|[Aa]ffirmative [Aa]ction)", RegexOptions.Compiled),
    ];

    private static readonly HashSet<string> NotCompanies =
        new(["Us", "The Team", "The Role", "The Job", "You", "This Role", "The Company", "The Position", "Our Team", "We", "It", "This"],
            StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:brand )?(?:falls under|is part of|is a (?:division|subsidiary|brand|business) of|a (?:wholly[- ]owned )?subsidiary of) (?<parent>\p{Lu}[\p{L}&.-]*(?:\s\p{Lu}[\p{L}&.-]*){0,4})")]
    private static partial Regex Parent();

    [GeneratedRegex(@"location|standort|arbeitsort|^lieu$|ubicación", RegexOptions.IgnoreCase)]
    private static partial Regex LocationKey();

    [GeneratedRegex(@"\bbased (?:in|at|out of) (?:[^.\n]*?\bin )?(?<place>\p{Lu}[\p{L}-]+(?:,?\s\p{Lu}[\p{L}-]+){0,2})(?!['’]s)")]
    private static partial Regex BasedIn();

    [GeneratedRegex(@"^(?:job |work |working )?location\s*[:：]\s*(?<place>.{2,80})$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex LocationLine();

    [GeneratedRegex(@"\b(full[- ]time|part[- ]time|internship|temporary|fixed[- ]term|freelance|permanent|contract(?:or)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EmploymentWord();

    /// <summary>The hiring company from headings ("Why X?", "About X") or standard sentences, with its parent when stated.</summary>
    public static string? Company(IReadOnlyList<Section> sections, string fullText)
    {
        var candidates = sections.Where(s => s.Heading is not null).Select(s => s.Heading!)
            .Select(h => Match(h, CompanyPatterns[..2]))
            .Concat([Match(fullText, CompanyPatterns[2..])]);
        var company = candidates.FirstOrDefault(c => c is not null);
        if (company is null)
            return null;

        // "The X brand falls under Y" / "X is part of Y": name both, since people search for either.
        foreach (Match parent in Parent().Matches(fullText))
        {
            var sentenceStart = Math.Max(0, fullText.LastIndexOf('.', parent.Index) + 1);
            var sentence = fullText[sentenceStart..parent.Index];
            var name = parent.Groups["parent"].Value.Trim();
            if (sentence.Contains(company, StringComparison.Ordinal) && !name.Equals(company, StringComparison.Ordinal))
                return $"{company} / {name}";
        }
        return company;
    }

    public static string? Location(IReadOnlyDictionary<string, string> details, string fullText)
    {
        foreach (var (key, value) in details)
            if (LocationKey().IsMatch(key) && value.Length <= MaxPlaceLength)
                return value;
        if (LocationLine().Match(fullText) is { Success: true } line)
            return line.Groups["place"].Value.Trim();
        return BasedIn().Match(fullText) is { Success: true } based ? based.Groups["place"].Value : null;
    }

    /// <summary>Employment type from the title or a details entry ("Internship", "Full time").</summary>
    public static string? EmploymentType(string? title, IReadOnlyDictionary<string, string> details)
    {
        var sources = details.Where(d => d.Key.Contains("type", StringComparison.OrdinalIgnoreCase)
                || d.Key.Contains("contract", StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Value).Prepend(title ?? "");
        foreach (var source in sources)
            if (EmploymentWord().Match(source) is { Success: true } word)
                return Display(word.Value);
        return null;
    }

    /// <summary>"FULL_TIME", "full-time" → "Full time".</summary>
    public static string Display(string employmentType)
    {
        var words = employmentType.Replace('_', ' ').Replace('-', ' ').Trim().ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    public sealed record Meta(string? Company, string? Location, string? EmploymentType);

    private const int MaxCompanyWords = 5;
    private const int MaxPlaceWords = 20;

    [GeneratedRegex(@"^(?:remote\b.*|[\p{Lu}][\p{L}.'’ -]*,\s*[\p{Lu}][\p{L}.]*\b.*|[\p{Lu}][^.:;]*\([^)]*,[^)]*\))$", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceLine();

    /// <summary>
    /// The lines a job board puts under the title, as people copy them: the company on the first line and
    /// the place on the second ("Prosperity Bank" / "Euless, TX"), or the company alone. Returns how many lines they take.
    /// </summary>
    public static (string? Company, string? Location, int Lines) Header(IReadOnlyList<string> lines)
    {
        // A board that states no place leaves the company alone under the title, before the first heading.
        if (lines.Count > 0 && lines.Skip(1).All(l => l.Trim().Length == 0) && IsName(lines[0]))
            return (lines[0].Trim(), null, 1);
        if (lines.Count < 2 || !IsName(lines[0]) || lines[1].Length == 0 || lines[1].Split(' ').Length > MaxPlaceWords || !PlaceLine().IsMatch(lines[1]))
            return (null, null, 0);
        return (lines[0].Trim(), lines[1].Trim(), 2);
    }

    private static bool IsName(string line)
    {
        var text = line.Trim();
        return text.Length > 1 && text.Split(' ').Length <= MaxCompanyWords && char.IsUpper(text[0]) && !text.EndsWith('.') && !text.EndsWith(':')
            && !text.StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal) && HeadingVocabulary.Classify(text) is null
            && !JobTitleRules.LooksLikeTitle(text) && !DetailLines.TryRead(text, out _, out _);
    }

    /// <summary>
    /// A job-board style line under the title, "Company · City, Country · Full-time" (or with "|"):
    /// the employment type and place are recognised, the first remaining part is the company.
    /// </summary>
    public static Meta? MetaLine(IReadOnlyList<Section> sections)
    {
        var title = sections.FirstOrDefault(s => s.Kind == SectionKind.Title);
        var line = title?.Lines.FirstOrDefault(l => l.Length > 0);
        if (line is null)
            return null;
        var parts = MetaSeparator().Split(line).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2 || parts.Any(p => p.Split(' ').Length > MaxMetaPartWords))
            return null;
        var employment = parts.FirstOrDefault(p => EmploymentWord().IsMatch(p));
        var place = parts.FirstOrDefault(p => p != employment && (p.Contains(',') || p.Contains("remote", StringComparison.OrdinalIgnoreCase)));
        var company = parts.FirstOrDefault(p => p != employment && p != place);
        return new Meta(company, place, employment is null ? null : Display(employment));
    }

    private const int MaxMetaPartWords = 6;
    private const int MaxPlaceLength = 60;

    [GeneratedRegex(@"\s[·|•]\s")]
    private static partial Regex MetaSeparator();

    private static string? Match(string text, IEnumerable<Regex> patterns)
    {
        foreach (var pattern in patterns)
        {
            var match = pattern.Match(text);
            if (match.Success && !NotCompanies.Contains(match.Groups["name"].Value.Trim()))
                return match.Groups["name"].Value.Trim();
        }
        return null;
    }
}
