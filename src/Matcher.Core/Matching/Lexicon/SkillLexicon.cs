using System.Text.Json;
using System.Text.Json.Serialization;
using Matcher.Core.Postings;
using Matcher.Core.Text;

namespace Matcher.Core.Matching.Lexicon;

/// <summary>
/// The curated alias list (<c>skills.json</c>): finds skills, tools and fields in a text by whole token
/// sequences, so "Torch" meets "PyTorch" and "C/C++" yields both C and C++. Degrees are found by the
/// spellings of <see cref="DegreeVocabulary"/>, each level under its own name ("master").
/// </summary>
public sealed class SkillLexicon
{
    private const int MaxPhraseTokens = 4;
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, HashSet<string> Context)> _contextual = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Languages { get; }

    // Declared before Default: static fields initialise in order.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static SkillLexicon Default { get; } = LoadDefault();

    private SkillLexicon(LexiconFile file, DegreeVocabulary degrees)
    {
        // Degrees first, so a skill spelled like one ("BSN" for nursing) keeps its skill meaning.
        foreach (var (level, spellings) in degrees.Spellings)
            foreach (var spelling in spellings)
                _aliases[Key(spelling)] = DegreeConcept(level);
        foreach (var term in file.Terms)
            foreach (var alias in term.Aliases)
                _aliases[Key(alias)] = term.Name;
        foreach (var c in file.Contextual)
            _contextual[Key(c.Alias)] = (c.Name, c.Context.ToHashSet(StringComparer.Ordinal));
        Languages = file.Languages.ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="degrees">Where degree spellings come from; the shipped vocabulary when not given.</param>
    public static SkillLexicon Load(Stream json, DegreeVocabulary? degrees = null) =>
        new(JsonSerializer.Deserialize<LexiconFile>(json, JsonOptions) ?? throw new InvalidDataException("The skills lexicon is empty."),
            degrees ?? DegreeVocabulary.Default);

    /// <summary>The name the lexicon gives a degree level: "phd", "master", "bachelor", "associate".</summary>
    public static string DegreeConcept(DegreeLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>Canonical names of every term found in the tokens, longest phrase first.</summary>
    public HashSet<string> Find(IReadOnlyList<string> tokens)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? tokenSet = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var length = Math.Min(MaxPhraseTokens, tokens.Count - i); length >= 1; length--)
            {
                var key = length == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(length));
                if (_aliases.TryGetValue(key, out var name))
                {
                    found.Add(name);
                    i += length - 1;
                    break;
                }
                if (length == 1 && _contextual.TryGetValue(key, out var contextual))
                {
                    tokenSet ??= tokens.ToHashSet(StringComparer.Ordinal);
                    if (contextual.Context.Overlaps(tokenSet))
                        found.Add(contextual.Name);
                }
            }
        }
        return found;
    }

    /// <summary>Language names (English, Japanese…) mentioned in the tokens.</summary>
    public HashSet<string> FindLanguages(IReadOnlyList<string> tokens) =>
        tokens.Where(Languages.Contains).ToHashSet(StringComparer.Ordinal);

    private static string Key(string alias) => string.Join(' ', Tokenizer.Tokenize(alias));

    private static SkillLexicon LoadDefault()
    {
        using var stream = typeof(SkillLexicon).Assembly.GetManifestResourceStream("Matcher.Core.skills.json")
            ?? throw new InvalidOperationException("The skills lexicon resource is missing from Matcher.Core.");
        return Load(stream);
    }

    private sealed record LexiconFile(
        [property: JsonPropertyName("terms")] List<LexiconTerm> Terms,
        [property: JsonPropertyName("contextual")] List<ContextualAlias> Contextual,
        [property: JsonPropertyName("languages")] List<string> Languages);

    private sealed record LexiconTerm(string Name, List<string> Aliases);

    private sealed record ContextualAlias(string Alias, string Name, List<string> Context);
}
