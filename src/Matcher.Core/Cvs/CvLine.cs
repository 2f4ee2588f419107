using System.Text.RegularExpressions;
using Matcher.Core.Text;

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

    /// <summary>Splits text into lines; a bullet glyph left alone on its line (as PDFs sometimes place it) joins the next line.</summary>
    public static IReadOnlyList<CvLine> Split(string text)
    {
        var lines = new List<CvLine>();
        var pendingBullet = false;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = From(raw);
            if (line.IsBullet && line.IsBlank)
            {
                pendingBullet = true;
                continue;
            }
            lines.Add(pendingBullet && !line.IsBlank ? line with { IsBullet = true } : line);
            pendingBullet &= line.IsBlank;
        }
        return lines;
    }

    // Glyph bullets may touch the text in PDFs ("•Java"); typed ones ("-", "*", "o") need a space after them.
    [GeneratedRegex("^(?:[" + TextNormalizer.BulletGlyphs + @"]\s*|[-*–—+>o]\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex Bullet();
}
