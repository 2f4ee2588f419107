using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Matcher.Core.Text;

/// <summary>
/// Cleans posting text before it is read: repairs mojibake, decodes HTML entities (also double-escaped
/// ones), turns stray markup into lines, unifies whitespace and bullet markers, strips Markdown emphasis
/// and splits a heading that got glued to the end of the previous sentence.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Every list item starts with this marker after normalisation.</summary>
    public const string Bullet = "• ";

    [GeneratedRegex(@"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"<\s*/?\s*(?:br|p|div|li|ul|ol|strong|b|em|i|h[1-6]|span|table|tr|td)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    // Private-use characters (U+F0A7, U+F0B7…) are the bullets of symbol fonts in text copied from Word or PDF.
    [GeneratedRegex(@"^(?:[•●・▪◦‣∙■□○◆◇►▶✓✔➢➤\u2013\u2014*+\uF000-\uF0FF]|-(?!-))\s*(?=\S)")]
    private static partial Regex SymbolBullet();

    [GeneratedRegex(@"^\(?\d{1,2}[.)](?:\s+(?=\S)|(?=[\p{L}(]))")]
    private static partial Regex NumberBullet();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex MarkdownStrong();

    [GeneratedRegex(@"\[([^\]]+)\]\((?:https?://|mailto:)[^)]*\)")]
    private static partial Regex MarkdownLink();

    // "…of Sony Corporation.Machine Learning Engineer": a sentence end with no space before a short
    // capitalised phrase that runs to the end of the line — a heading that lost its line break.
    [GeneratedRegex(@"(?<=[\p{Ll}\p{N})]{2})\.(?=\p{Lu}\p{Ll}+(?:[ ,/&-]+[\p{Lu}&/][\p{L}&/-]*){0,7}\s*$)")]
    private static partial Regex GluedHeading();

    // "…the team.We are…" inside a paragraph: put back the space after the full stop.
    [GeneratedRegex(@"(?<=\s[\p{Ll}]{2,})\.(?=\p{Lu}\p{Ll}{2,}\b)")]
    private static partial Regex GluedSentence();

    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\u200B-\u200D\u2060\uFEFF\u00AD]")]
    private static partial Regex Invisible();

    public static string Normalize(string text)
    {
        text = MojibakeRepair.Repair(text.ReplaceLineEndings("\n"));
        text = DecodeEntities(text);
        if (Tag().IsMatch(text))
            text = HtmlText.FromHtml(text);
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
        var line = Spaces().Replace(raw, " ").Trim();
        line = MarkdownHeading().Replace(line, "");
        line = MarkdownLink().Replace(line, "$1");
        line = MarkdownStrong().Replace(line, "$2").Trim();
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
