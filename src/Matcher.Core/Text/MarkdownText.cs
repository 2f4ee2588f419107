using System.Text.RegularExpressions;

namespace Matcher.Core.Text;

/// <summary>
/// Strips Markdown's inline syntax so readers see the words: heading marks, emphasis, link targets.
/// Line structure (headings, list items) is kept because readers rely on it.
/// </summary>
internal static partial class MarkdownText
{
    public static string ToPlain(string markdown)
    {
        var lines = markdown.Split('\n').Select(line =>
        {
            var l = Heading().Replace(line, "");
            l = ListMarker().Replace(l, "$1• ");
            l = Link().Replace(l, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[1].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
            l = Emphasis().Replace(l, "$2");
            l = l.Replace("`", "");
            return Rule().IsMatch(l) ? "" : l;
        });
        return Matcher.Core.Documents.TextNormalizer.Normalize(string.Join('\n', lines));
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\s*)[-*+]\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\w)(\*\*|__|\*|_)(\S(?:.*?\S)?)\1(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^\s*([-*_=]\s*){3,}$")]
    private static partial Regex Rule();
}
