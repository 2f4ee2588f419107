using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Core.Postings;

namespace Matcher.Core.Text;

/// <summary>A degree named in a text: its level and where it stands, as found by <see cref="DegreeVocabulary"/>.</summary>
public sealed record DegreeMention(DegreeLevel Level, int Index, int Length, string Value);

/// <summary>
/// The degrees CVs and postings name and how they spell them, from <c>degrees.json</c>. CVs, postings and the
/// scorer all read degrees through this one list, so a spelling added there is known everywhere.
/// </summary>
public sealed class DegreeVocabulary
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Lazy<DegreeVocabulary> LazyDefault = new(LoadDefault);

    private readonly IReadOnlyList<(DegreeLevel Level, Regex Everyday, Regex InEducation)> _levels;
    private readonly Regex _anyDegree;
    private readonly Regex _notDegrees;

    /// <summary>The vocabulary that ships with Matcher.</summary>
    public static DegreeVocabulary Default => LazyDefault.Value;

    /// <summary>Every spelling of each level, lower-cased, for readers that match words one at a time.</summary>
    public IReadOnlyDictionary<DegreeLevel, IReadOnlyList<string>> Spellings { get; }

    private DegreeVocabulary(DegreesFile file)
    {
        var levels = new List<(DegreeLevel, Regex, Regex)>();
        var spellings = new Dictionary<DegreeLevel, IReadOnlyList<string>>();
        foreach (var entry in file.Levels ?? [])
        {
            if (!Enum.TryParse<DegreeLevel>(entry.Level, ignoreCase: true, out var level) || level == DegreeLevel.None)
                throw new InvalidDataException($"The degree vocabulary names an unknown level \"{entry.Level}\". Use PhD, Master, Bachelor or Associate.");
            var words = entry.Words ?? [];
            var abbreviations = entry.Abbreviations ?? [];
            var inEducation = entry.InEducation ?? [];
            levels.Add((level, Alternatives(words, abbreviations), Alternatives([.. words, .. inEducation], abbreviations)));
            spellings[level] = words.Concat(abbreviations).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        }
        // Highest first: a line that names a master's and a bachelor's is about the master's.
        _levels = levels.OrderByDescending(l => l.Item1).ToList();
        Spellings = spellings;
        _anyDegree = Alternatives(file.AnyDegree ?? [], []);
        _notDegrees = Alternatives(file.NotDegrees ?? [], [], allowBefore: true);
    }

    /// <summary>Reads a vocabulary in the layout of <c>degrees.json</c>.</summary>
    public static DegreeVocabulary Load(Stream json)
    {
        DegreesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<DegreesFile>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The degree vocabulary is not valid JSON: {ex.Message}", ex);
        }
        if (file?.Levels is not { Count: > 0 })
            throw new InvalidDataException("The degree vocabulary lists no levels. Give \"levels\" with at least one level and its spellings.");
        return new DegreeVocabulary(file);
    }

    /// <summary>The highest degree the text names, or null when it names none.</summary>
    /// <param name="inEducation">The text is already about education (a CV's education section), so everyday words such as "licence" count.</param>
    public DegreeMention? Find(string text, bool inEducation = false)
    {
        var cleaned = Clean(text);
        foreach (var (level, everyday, education) in _levels)
        {
            var match = (inEducation ? education : everyday).Match(cleaned);
            if (match.Success)
                return new DegreeMention(level, match.Index, match.Length, text.Substring(match.Index, match.Length));
        }
        return null;
    }

    /// <summary>
    /// The lowest degree the text names, since "an MS or PhD" is met by an MS; a degree without a level
    /// ("a degree in physics") counts as a bachelor's. Null when the text names no degree.
    /// </summary>
    public DegreeLevel? Lowest(string text)
    {
        var cleaned = Clean(text);
        foreach (var (level, everyday, _) in _levels.Reverse())
            if (everyday.IsMatch(cleaned))
                return level;
        return _anyDegree.IsMatch(cleaned) ? DegreeLevel.Bachelor : null;
    }

    /// <summary>Straight quotes, and every phrase that only looks like a degree blanked out; positions stay where they were.</summary>
    private string Clean(string text) =>
        _notDegrees.Replace(TextNormalizer.StraightQuotes(text), m => new string(' ', m.Length));

    private static Regex Alternatives(IEnumerable<string> words, IEnumerable<string> abbreviations, bool allowBefore = false)
    {
        var alternatives = words.Select(w => (Spelling: w, Pattern: $"(?i:{Spelling(w)})"))
            .Concat(abbreviations.Select(a => (Spelling: a, Pattern: Spelling(a))))
            .Where(a => a.Spelling.Trim().Length > 0)
            .OrderByDescending(a => a.Spelling.Length)
            .Select(a => a.Pattern)
            .ToList();
        if (alternatives.Count == 0)
            return new Regex("(?!)");
        // A spelling that starts with punctuation (", MA") brings its own boundary.
        var before = allowBefore ? "(?:(?<!\\w)|(?=\\W))" : "(?<![\\w.])";
        var after = allowBefore ? "(?![\\w])" : "(?:-\\p{L}+)?(?![\\w])";
        return new Regex($"{before}(?:{string.Join('|', alternatives)}){after}", RegexOptions.CultureInvariant);
    }

    private static string Spelling(string spelling)
    {
        var pattern = new StringBuilder();
        foreach (var part in spelling.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pattern.Length > 0)
                pattern.Append(@"[\s-]+");
            pattern.Append(Regex.Escape(TextNormalizer.StraightQuotes(part)));
        }
        return pattern.ToString();
    }

    private static DegreeVocabulary LoadDefault()
    {
        using var stream = typeof(DegreeVocabulary).Assembly.GetManifestResourceStream("Matcher.Core.degrees.json")
            ?? throw new InvalidOperationException("The degree vocabulary resource is missing from Matcher.Core.");
        return Load(stream);
    }

    private sealed record DegreesFile(List<LevelEntry>? Levels, List<string>? AnyDegree, List<string>? NotDegrees);

    private sealed record LevelEntry(string Level, List<string>? Words, List<string>? Abbreviations, List<string>? InEducation);
}
