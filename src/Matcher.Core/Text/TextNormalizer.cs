using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Matcher.Core.Text;

/// <summary>
/// The one place where text from any source is cleaned before it is read. <see cref="Tidy"/> is the light
/// cleaning every extracted document gets (CVs keep their own spacing, which quotes are located in);
/// <see cref="Normalize"/> goes further for postings: repairs mojibake, decodes HTML entities (also
/// double-escaped ones), turns stray markup into lines, unifies whitespace and bullet markers, strips
/// Markdown and splits a heading that got glued to the end of the previous sentence.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Every list item starts with this marker after normalisation.</summary>
    public const string Bullet = "• ";

    /// <summary>
    /// The glyphs that open a list item wherever text comes from, for a regular expression's character class.
    /// Private-use characters (U+F0A7, U+F0B7…) are the bullets of symbol fonts in text copied from Word or PDF.
    /// </summary>
    public const string BulletGlyphs = "•●・·▪◦‣∙⁃■□○◆◇❖►▶→✓✔➢➤\uF000-\uF0FF";

    [GeneratedRegex(@"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<\s*/?\s*(?:br|p|div|li|ul|ol|strong|b|em|i|h[1-6]|span|table|tr|td)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex("^(?:[" + BulletGlyphs + @"\u2013\u2014*+]|-(?!-))\s*(?=\S)")]
    private static partial Regex SymbolBullet();

    [GeneratedRegex(@"^\(?\d{1,2}[.)](?:\s+(?=\S)|(?=[\p{L}(]))")]
    private static partial Regex NumberBullet();

    // "…of Sony Corporation.Machine Learning Engineer": a sentence end with no space before a short
    // capitalised phrase that runs to the end of the line — a heading that lost its line break.
    [GeneratedRegex(@"(?<=[\p{Ll}\p{N})]{2})\.(?=\p{Lu}\p{Ll}+(?:[ ,/&-]+[\p{Lu}&/][\p{L}&/-]*){0,7}\s*$)")]
    private static partial Regex GluedHeading();

    // "…the team.We are…" inside a paragraph: put back the space after the full stop.
    [GeneratedRegex(@"(?<=\s[\p{Ll}]{2,})\.(?=\p{Lu}\p{Ll}{2,}\b)")]
    private static partial Regex GluedSentence();

    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+")]
    private static partial Regex Spaces();

    // Spaces that are not a plain space: no-break, figure, thin and ideographic ones.
    [GeneratedRegex(@"[\u00A0\u2000-\u200A\u202F\u205F\u3000]")]
    private static partial Regex OtherSpaces();

    [GeneratedRegex(@"[\u200B-\u200D\u2060\uFEFF\u00AD]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();

    /// <summary>One line ending, plain spaces, no invisible characters or trailing blanks, at most one blank line in a row.</summary>
    public static string Tidy(string text)
    {
        text = Invisible().Replace(OtherSpaces().Replace(text.ReplaceLineEndings("\n").Replace('\f', '\n'), " "), "");
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
            sb.Append(line.TrimEnd()).Append('\n');
        return ManyBlankLines().Replace(sb.ToString(), "\n\n").Trim('\n');
    }

    /// <summary>Curly quotes as straight ones, so a vocabulary lists each spelling once; the length stays the same.</summary>
    public static string StraightQuotes(string text) =>
        text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');

    /// <param name="html">How markup found in the text is rendered; documents' settings when not given.</param>
    public static string Normalize(string text, HtmlTextOptions? html = null)
    {
        text = MojibakeRepair.Repair(text.ReplaceLineEndings("\n"));
        text = DecodeEntities(text);
        if (Tag().IsMatch(text))
            text = HtmlText.FromHtml(text, html ?? HtmlTextOptions.Document);
        text = Invisible().Replace(text, "");

        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = NormalizeLine(raw);
            if (line.Length == 0 && (lines.Count == 0 || lines[^1].Length == 0))
                continue;
            lines.AddRange(SplitGluedHeading(line));
        }
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return string.Join('\n', lines);
    }

    /// <summary>Decodes entities until none are left, so "&amp;amp;lt;br&amp;gt;" ends as a real tag.</summary>
    public static string DecodeEntities(string text)
    {
        for (var pass = 0; pass < 4 && Entity().IsMatch(text); pass++)
            text = WebUtility.HtmlDecode(text);
        return text;
    }

    private static string NormalizeLine(string raw)
    {
        var line = MarkdownText.StripInline(Spaces().Replace(raw, " ").Trim(), keepLinkTargets: false).Trim();
        if (line is "*" or "-" or "•" or "---" or "***")
            return "";
        if (SymbolBullet().IsMatch(line) && !line.StartsWith("**", StringComparison.Ordinal))
            return Bullet + SymbolBullet().Replace(line, "", 1);
        if (NumberBullet().IsMatch(line))
            return Bullet + NumberBullet().Replace(line, "", 1);
        return line;
    }

    private static IEnumerable<string> SplitGluedHeading(string line)
    {
        if (line.Contains("://", StringComparison.Ordinal) || line.Contains("www.", StringComparison.OrdinalIgnoreCase))
            return [line];
        var glued = GluedHeading().Match(line);
        if (glued.Success && glued.Index > 0)
            return [GluedSentence().Replace(line[..(glued.Index + 1)], ". "), line[(glued.Index + 1)..].Trim()];
        return [GluedSentence().Replace(line, ". ")];
    }

    /// <summary>Collapses a block of lines into one line of prose.</summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            var part = line.Trim();
            if (part.Length == 0)
                continue;
            if (builder.Length > 0)
                builder.Append(' ');
            builder.Append(part);
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }
}
