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
            var l = StripInline(ListMarker().Replace(line, "$1• "), keepLinkTargets: true);
            return Rule().IsMatch(l) ? "" : l;
        });
        return TextNormalizer.Tidy(string.Join('\n', lines));
    }

    /// <summary>
    /// One line without heading marks, emphasis and code marks, and with links as their text.
    /// </summary>
    /// <param name="keepLinkTargets">
    /// Keeps a link's address after its text ("GitHub (https://github.com/…)"): a CV's profile links are contact
    /// details, where in a posting they are only noise in a requirement.
    /// </param>
    public static string StripInline(string line, bool keepLinkTargets)
    {
        var l = Heading().Replace(line, "");
        l = Link().Replace(l, m => !keepLinkTargets || m.Groups[1].Value == m.Groups[2].Value ? m.Groups[1].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
        l = Emphasis().Replace(l, "$2");
        return l.Replace("`", "");
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
