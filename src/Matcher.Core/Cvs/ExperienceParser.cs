using System.Text.RegularExpressions;

namespace Matcher.Core.Cvs;

/// <summary>
/// Reads roles from experience lines. A role is anchored on a line with a date range; its title and organisation
/// are on that line ("Engineer, Acme | 2019 – 2021") or on the one or two short lines just above it, and the
/// lines after it up to the next role are its bullets.
/// </summary>
public static partial class ExperienceParser
{
    private const int MaxHeaderLineLength = 90;
    private const int MaxLookBack = 2;

    private static readonly string[] PartSeparators = [" | ", " — ", " – ", " - ", " @ ", ", ", " · "];

    public static IReadOnlyList<Role> Parse(IReadOnlyList<CvLine> lines)
    {
        var anchors = new List<(int Line, int HeaderStart, DateRange Range, string? Title, string? Organization)>();
        var consumedUpTo = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBullet || lines[i].IsBlank || DateRangeParser.FindRange(lines[i].Text) is not { } range)
                continue;
            var rest = Clean(lines[i].Text.Remove(range.Index, range.Length));
            var header = new List<string>();
            var j = i - 1;
            while (j > consumedUpTo && header.Count < MaxLookBack && IsHeaderCandidate(lines[j]))
                header.Insert(0, lines[j--].Text);
            if (header.Count == 0 && j > consumedUpTo && lines[j].IsBlank && rest.Length == 0 && j - 1 > consumedUpTo && IsHeaderCandidate(lines[j - 1]))
                header.Add(lines[--j].Text);

            var (title, organization) = rest.Length > 0 ? SplitTitle(rest) : (null, null);
            if (title is null && header.Count > 0)
                (title, organization) = header.Count == 1 ? SplitTitle(header[0]) : Ordered(Clean(header[0]), Clean(header[1]));
            else if (organization is null && header.Count > 0 && title is not null)
                organization = Clean(header[^1]);
            anchors.Add((i, rest.Length > 0 && organization is not null ? i : j + 1, range, title, organization));
            consumedUpTo = i;
        }

        var roles = new List<Role>();
        for (var a = 0; a < anchors.Count; a++)
        {
            var (line, _, range, title, organization) = anchors[a];
            var end = a + 1 < anchors.Count ? anchors[a + 1].HeaderStart : lines.Count;
            var bullets = new List<string>();
            for (var k = line + 1; k < end; k++)
            {
                var l = lines[k];
                if (l.IsBlank)
                    continue;
                // A short plain line right under the dates names the organisation when the title line did not.
                if (!l.IsBullet && bullets.Count == 0 && organization is null && title is not null && l.Text.Length <= MaxHeaderLineLength && !l.Text.EndsWith('.'))
                {
                    organization = Clean(l.Text);
                    continue;
                }
                bullets.Add(l.Text);
            }
            roles.Add(new Role
            {
                Title = title,
                Organization = organization,
                Start = range.Start,
                End = range.End,
                IsCurrent = range.IsCurrent,
                Bullets = bullets,
            });
        }
        return roles;
    }

    private static bool IsHeaderCandidate(CvLine line) =>
        !line.IsBlank && !line.IsBullet && line.Text.Length <= MaxHeaderLineLength
        && !line.Text.EndsWith('.') && DateRangeParser.FindRange(line.Text) is null;

    /// <summary>Splits "Title, Organisation" / "Title at Organisation" / "Organisation — Title" into its two parts.</summary>
    internal static (string? Title, string? Organization) SplitTitle(string text)
    {
        text = Clean(text);
        if (text.Length == 0)
            return (null, null);
        var at = AtWord().Match(text);
        if (at.Success)
            return (Clean(text[..at.Index]), Clean(text[(at.Index + at.Length)..]));
        foreach (var separator in PartSeparators)
        {
            var index = text.IndexOf(separator, StringComparison.Ordinal);
            if (index <= 0)
                continue;
            var first = Clean(text[..index]);
            var second = Clean(text[(index + separator.Length)..]);
            return Ordered(first, second);
        }
        return (text, null);
    }

    /// <summary>Title first, unless the first part reads like an organisation and the second does not.</summary>
    private static (string? Title, string? Organization) Ordered(string first, string second) =>
        LooksLikeOrganization(first) && !LooksLikeOrganization(second) ? (second, first) : (first, second);

    private static bool LooksLikeOrganization(string text) => OrganizationWords().IsMatch(text);

    private static string Clean(string text) => Trimmable().Replace(EmptyBrackets().Replace(text, " "), "").Trim();

    [GeneratedRegex(@"\s+(?:at|bei|en)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AtWord();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"^[\s|,;:·•—–\-*@()]+|[\s|,;:·•—–\-*@(]+$")]
    private static partial Regex Trimmable();

    [GeneratedRegex(@"\b(?:Inc|Ltd|LLC|GmbH|AG|SE|Corp|Corporation|Company|Co|S\.?A|S\.?L|plc|Group|Labs?|Studio|Systems|Solutions|Technologies|Bank|Banco|University|Universität|Universidad|Institute|Agency|Foundation)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex OrganizationWords();
}
