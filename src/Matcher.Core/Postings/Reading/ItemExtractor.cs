using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>One list entry or prose paragraph of a section.</summary>
internal sealed record Item(string Text, bool Bulleted);

/// <summary>
/// Turns section lines into items: a bullet starts an item, a line-per-item list gives one item per line,
/// and lines that were wrapped (by a PDF or a narrow page) are joined back to the item they continue.
/// </summary>
internal static partial class ItemExtractor
{
    private const int MaxSubheadingWords = 6;

    [GeneratedRegex(@"(?:,|&|/|-|\b(?:and|or|of|in|on|to|for|with|the|a|an|as|such|at|by|from|including|based|via|e\.g\.|i\.e\.))$", RegexOptions.IgnoreCase)]
    private static partial Regex OpenEnding();

    [GeneratedRegex(@"(?<!\b(?:e\.g|i\.e|etc|vs|incl|approx|Ph\.D|Mr|Ms|Dr|No|St)|\b(?:e\.g|i\.e)\.)(?<=[.!?])\s+(?=[\p{Lu}""“(])")]
    private static partial Regex SentenceBreak();

    public static IReadOnlyList<Item> Extract(IEnumerable<string> lines)
    {
        var items = new List<Item>();
        string? current = null;
        var bulleted = false;
        var blankSinceCurrent = false;

        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blankSinceCurrent = true;
                continue;
            }
            if (line.StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal))
            {
                Close();
                (current, bulleted, blankSinceCurrent) = (line[TextNormalizer.Bullet.Length..].Trim(), true, false);
                continue;
            }
            if (IsSubheading(line))
            {
                Close();
                continue;
            }
            if (current is not null && Continues(current, line, bulleted && !blankSinceCurrent, bulleted))
            {
                current = current + " " + line;
                blankSinceCurrent = false;
                continue;
            }
            Close();
            (current, bulleted, blankSinceCurrent) = (line, false, false);
        }
        Close();
        return items;

        void Close()
        {
            if (current is not null && current.Trim().Length > 0)
                items.Add(new Item(current.Trim(), bulleted));
            current = null;
        }
    }

    /// <summary>Splits prose into sentences, leaving "e.g." and similar abbreviations intact.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public static bool IsSubheading(string line) =>
        line.EndsWith(':') && line.Split(' ').Length <= MaxSubheadingWords;

    private static bool Continues(string current, string line, bool sameBulletBlock, bool bulleted)
    {
        // "Teamwork - Balances team and individual responsibilities;" goes on after a line break, even a blank line.
        if (bulleted && current.EndsWith(';'))
            return true;
        if (current.EndsWith('.') || current.EndsWith('!') || current.EndsWith('?') || current.EndsWith(';'))
            return false;
        var openParenthesis = current.Count(c => c == '(') > current.Count(c => c == ')');
        return char.IsLower(line[0]) || OpenEnding().IsMatch(current) || openParenthesis || sameBulletBlock;
    }
}
