using Matcher.Core.Matching.Lexicon;

namespace Matcher.Core.Matching;

/// <summary>A passage of a CV's text, quoted as it stands there, with where it stands.</summary>
/// <param name="Text">The passage with runs of whitespace closed up to one space.</param>
/// <param name="Start">Offset of the passage's first character in the CV's text.</param>
/// <param name="Length">Characters from <paramref name="Start"/> to the passage's end in the CV's text.</param>
public sealed record CvQuote(string Text, int Start, int Length);

/// <summary>
/// Finds a CV line's words in the CV's own text, so a report quotes what the candidate wrote and can point at it.
/// The reader builds some lines from parts (a role's title and organisation, an education entry); those are not
/// in the text as one piece, so the quote becomes the line of the text that holds most of their words.
/// </summary>
public sealed class VerbatimQuotes
{
    private readonly string _text;
    private readonly string _flat;
    private readonly int[] _origin;
    private readonly List<(int Start, int Length, HashSet<string> Words)> _lines = [];

    public VerbatimQuotes(string text)
    {
        _text = text ?? "";
        (_flat, _origin) = Flatten(_text);
        var at = 0;
        foreach (var line in _text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
                _lines.Add((at + line.IndexOf(trimmed, StringComparison.Ordinal), trimmed.Length, Tokenizer.Tokenize(trimmed).ToHashSet(StringComparer.Ordinal)));
            at += line.Length + 1;
        }
    }

    /// <summary>The passage of the text that says <paramref name="line"/>: the line itself where it is there word for word, else the text's line that shares most of its words; null when nothing does.</summary>
    public CvQuote? Find(string line)
    {
        var (flatLine, _) = Flatten(line.Trim());
        if (flatLine.Length > 0)
        {
            var index = _flat.IndexOf(flatLine, StringComparison.OrdinalIgnoreCase);
            if (index >= 0)
                return Quote(_origin[index], _origin[index + flatLine.Length - 1] + 1);
        }

        var words = Tokenizer.Tokenize(line).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0)
            return null;
        var best = (Start: -1, Length: 0, Shared: 0);
        foreach (var (start, length, lineWords) in _lines)
        {
            var shared = words.Count(lineWords.Contains);
            if (shared > best.Shared)
                best = (start, length, shared);
        }
        return best.Start < 0 ? null : Quote(best.Start, best.Start + best.Length);
    }

    private CvQuote Quote(int start, int end) => new(Flatten(_text[start..end]).Text, start, end - start);

    /// <summary>The text with every run of whitespace made one space and trimmed, and each kept character's offset in the original.</summary>
    private static (string Text, int[] Origin) Flatten(string text)
    {
        var chars = new char[text.Length];
        var origin = new int[text.Length];
        var n = 0;
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                pendingSpace = n > 0;
                continue;
            }
            if (pendingSpace)
            {
                chars[n] = ' ';
                origin[n++] = i - 1;
                pendingSpace = false;
            }
            chars[n] = text[i];
            origin[n++] = i;
        }
        return (new string(chars, 0, n), origin[..n]);
    }
}
