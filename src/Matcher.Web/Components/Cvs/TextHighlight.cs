using System.Text.RegularExpressions;

namespace Matcher.Web.Components.Cvs;

/// <summary>A run of text, marked or not. Rendered as text, never as markup.</summary>
public sealed record TextSegment(string Text, bool Highlighted);

/// <summary>
/// Splits a CV's text into plain and highlighted runs around a quoted passage. Quotes are matched ignoring case
/// and differences in spacing and line breaks, because the report quotes lines as the reader cleaned them. A quote
/// the engine assembled from parts (a role's "title at organisation", an education entry) is not in the text as
/// one piece; then each part found is marked.
/// </summary>
public static class TextHighlight
{
    private const int MinPartLength = 3;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly string[] PartSeparators = [" at ", ", "];

    public static IReadOnlyList<TextSegment> Split(string text, string? quote) => Split(text, quote, null, null);

    /// <summary>
    /// As <see cref="Split(string, string?)"/>, but where the report recorded where the quote starts in the text and
    /// that span still reads as the quote, exactly that span is marked (so the right one of two equal lines is).
    /// </summary>
    public static IReadOnlyList<TextSegment> Split(string text, string? quote, int? start, int? length)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        if (string.IsNullOrWhiteSpace(quote))
            return [new TextSegment(text, false)];

        if (start is { } at && length is { } span && at >= 0 && span > 0 && at + span <= text.Length
            && SameWords(text.Substring(at, span), quote))
            return Cut(text, [(at, span)]);

        var ranges = Find(text, quote.Trim());
        if (ranges.Count == 0)
        {
            foreach (var part in quote.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (part.Length >= MinPartLength && Find(text, part).FirstOrDefault() is { Length: > 0 } range && !ranges.Any(r => Overlaps(r, range)))
                    ranges.Add(range);
        }
        return Cut(text, ranges.OrderBy(r => r.Start).ToList());
    }

    private static List<(int Start, int Length)> Find(string text, string quote)
    {
        var words = quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape);
        var pattern = new Regex(string.Join(@"\s+", words), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        try
        {
            return pattern.Matches(text).Select(m => (m.Index, m.Length)).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    private static bool SameWords(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    private static bool Overlaps((int Start, int Length) a, (int Start, int Length) b) =>
        a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;

    private static List<TextSegment> Cut(string text, List<(int Start, int Length)> ranges)
    {
        var segments = new List<TextSegment>();
        var at = 0;
        foreach (var (start, length) in ranges)
        {
            if (start > at)
                segments.Add(new TextSegment(text[at..start], false));
            segments.Add(new TextSegment(text.Substring(start, length), true));
            at = start + length;
        }
        if (at < text.Length)
            segments.Add(new TextSegment(text[at..], false));
        return segments;
    }
}
