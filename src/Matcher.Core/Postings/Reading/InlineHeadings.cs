using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Puts headings that share a line with other text on a line of their own: a heading glued to the end of a
/// paragraph ("…join our team. Duties/Responsibilities:", "…the process REQUIREMENTS:"), a heading at the
/// start of a line followed by its text ("Requirements: 3+ years…", "Who are you? You are…") and a heading
/// in capitals before its text ("RESPONSIBILITIES Manage the…").
/// </summary>
internal static partial class InlineHeadings
{
    private const int MaxGluedHeadingWords = 6;

    [GeneratedRegex(@"^(?<heading>[^:?•]{2,70}?)\s*(?<mark>[:?：])\s*(?<rest>\S.*)$")]
    private static partial Regex LeadingHeading();

    [GeneratedRegex(@"^(?<heading>(?:[\p{Lu}&/,]+\s+){0,5}[\p{Lu}&/]+):?\s+(?<rest>\p{Lu}?\p{Ll}.*)$")]
    private static partial Regex CapitalHeading();

    [GeneratedRegex(@"[.!?]$")]
    private static partial Regex SentenceEnd();

    public static IReadOnlyList<string> Separate(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
            result.AddRange(Split(line));
        return result;
    }

    private static IEnumerable<string> Split(string line)
    {
        if (line.Length == 0 || line.StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal) || line.Contains("://", StringComparison.Ordinal)
            || HeadingVocabulary.Classify(line) is not null)
            return [line];
        if (Inside(line) is { } inside)
            return [.. Split(inside.Before), inside.Heading, .. Split(inside.After)];
        if (GluedAtEnd(line) is { } glued)
            return [.. Split(glued.Before), glued.Heading];
        if (AtStart(line) is { } start)
            return [start.Heading, .. Split(start.Text)];
        return [line];
    }

    /// <summary>"…filled quickly. Company Description Sunbelt is…": a Title Case heading of two to four words between two sentences.</summary>
    private static (string Before, string Heading, string After)? Inside(string line)
    {
        foreach (Match end in SentenceGap().Matches(line))
        {
            var start = end.Index + end.Length;
            var words = line[start..].Split(' ');
            for (var count = 2; count <= 4 && count < words.Length; count++)
            {
                var heading = string.Join(' ', words[..count]);
                var next = words[count];
                if (!heading.Split(' ').All(w => w.Length > 0 && char.IsUpper(w[0])) || next.Length == 0 || !char.IsUpper(next[0]))
                    continue;
                if (HeadingVocabulary.Classify(heading) is not null)
                    return (line[..end.Index].TrimEnd() + line[end.Index..(end.Index + 1)], heading.TrimEnd(':'), string.Join(' ', words[count..]));
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?<=\p{Ll}{2})[.!?]\s+(?=\p{Lu})")]
    private static partial Regex SentenceGap();

    /// <summary>"…our team. Duties/Responsibilities:": the last words, after a sentence end or in capitals, are a heading.</summary>
    private static (string Before, string Heading)? GluedAtEnd(string line)
    {
        var words = line.Split(' ');
        for (var count = Math.Min(MaxGluedHeadingWords, words.Length - 1); count >= 1; count--)
        {
            var heading = string.Join(' ', words[^count..]);
            var before = string.Join(' ', words[..^count]);
            var capitals = IsCapitals(heading) && !IsCapitals(words[^(count + 1)]);
            if (!heading.EndsWith(':') && !capitals)
                continue;
            if ((SentenceEnd().IsMatch(before) || capitals) && HeadingVocabulary.Classify(heading) is not null)
                return (before, heading);
        }
        return null;
    }

    /// <summary>"Requirements: 3+ years…", "Who are you? You are…", "RESPONSIBILITIES Manage…": a heading, then its text.</summary>
    private static (string Heading, string Text)? AtStart(string line)
    {
        if (DetailLines.TryRead(line, out _, out _))
            return null;
        if (LeadingHeading().Match(line) is { Success: true } labelled)
        {
            var heading = labelled.Groups["heading"].Value + labelled.Groups["mark"].Value;
            if (HeadingVocabulary.Classify(heading) is not null)
                return (heading, labelled.Groups["rest"].Value);
        }
        if (CapitalHeading().Match(line) is { Success: true } capital && IsCapitals(capital.Groups["heading"].Value)
            && HeadingVocabulary.Classify(capital.Groups["heading"].Value) is not null)
            return (capital.Groups["heading"].Value, capital.Groups["rest"].Value);
        return null;
    }

    private static bool IsCapitals(string text) =>
        text.Any(char.IsLetter) && text.Where(char.IsLetter).Count() >= 2 && !text.Any(char.IsLower);
}
