using System.Text.RegularExpressions;

namespace Matcher.Core.Cvs;

/// <summary>One line of a CV with its bullet marker taken off; blank lines are kept because they separate entries.</summary>
public sealed partial record CvLine(string Text, bool IsBullet)
{
    public bool IsBlank => Text.Length == 0;

    public static CvLine From(string raw)
    {
        var trimmed = raw.Trim();
        var bullet = Bullet().Match(trimmed);
        return bullet.Success
            ? new CvLine(trimmed[bullet.Length..].Trim(), true)
            : new CvLine(trimmed, false);
    }

    public static IReadOnlyList<CvLine> Split(string text) => text.ReplaceLineEndings("\n").Split('\n').Select(From).ToList();

    // Glyph bullets may touch the text in PDFs ("•Java"); typed ones ("-", "*", "o") need a space after them.
    [GeneratedRegex(@"^(?:[•·▪■◦●○‣⁃►➢➤✓✔❖→]\s*|[-*–—+>o]\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex Bullet();
}
