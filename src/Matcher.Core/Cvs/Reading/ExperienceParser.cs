using System.Text.RegularExpressions;

namespace Matcher.Core.Cvs.Reading;

/// <summary>
/// Reads roles from experience lines. A role is anchored on a line with a date range; its title and organisation
/// are on that line ("Engineer, Acme | 2019 – 2021") or on the one or two short lines just above it, and the
/// lines after it up to the next role are its bullets.
/// </summary>
public static partial class ExperienceParser
{
    private const int MaxHeaderLineLength = 90;
    private const int MaxLookBack = 2;


    /// <param name="units">Phrases the document marks as one (a bold title with a comma in it), never split into title and organisation.</param>
    public static IReadOnlyList<Role> Parse(IReadOnlyList<CvLine> lines, IReadOnlyList<string>? units = null)
    {
        units ??= [];
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

            var (title, organization) = rest.Length > 0 ? SplitTitle(rest, units) : (null, null);
            if (title is null && header.Count > 0)
                (title, organization) = header.Count == 1 ? SplitTitle(header[0], units) : Ordered(Clean(header[0]), Clean(header[1]));
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

    /// <summary>
    /// Splits "Title, Organisation" / "Title at Organisation" / "Organisation — Title" into its two parts. A
    /// header with three or more parts ("Engineer, Acme Ltd — London") keeps the part that names a job as the
    /// title and the others, in their order, as the organisation with its place.
    /// </summary>
    internal static (string? Title, string? Organization) SplitTitle(string text, IReadOnlyList<string>? units = null)
    {
        text = Clean(text);
        if (text.Length == 0)
            return (null, null);
        foreach (var unit in units ?? [])
        {
            if (!text.StartsWith(unit, StringComparison.Ordinal))
                continue;
            var after = string.Join(", ", PartSeparator().Split(Clean(text[unit.Length..])).Select(Clean).Where(p => p.Length > 0));
            if (after.Length == 0)
                return (unit, null);
            return NamesAJob(unit) || !LooksLikeOrganization(unit) ? (unit, after) : (SplitTitle(after).Title, unit);
        }
        var at = AtWord().Match(text);
        if (at.Success)
            return (Clean(text[..at.Index]), Clean(text[(at.Index + at.Length)..]));
        var parts = KeepFieldWithTitle(PartSeparator().Split(text).Select(Clean).Where(p => p.Length > 0).ToList());
        switch (parts.Count)
        {
            case 0:
                return (null, null);
            case 1:
                return (parts[0], null);
            case 2:
                return Ordered(parts[0], parts[1]);
        }
        var title = parts.FindIndex(NamesAJob);
        if (title < 0)
            title = Math.Max(0, parts.FindIndex(p => !LooksLikeOrganization(p)));
        return (parts[title], string.Join(", ", parts.Where((_, i) => i != title)));
    }

    /// <summary>
    /// "Senior ML Engineer, Video Understanding, StreamBox": the field right after a job title belongs to the
    /// title, not to the employer. Markdown marks such a title in bold; PDF and DOCX text has only the words.
    /// </summary>
    private static List<string> KeepFieldWithTitle(List<string> parts)
    {
        for (var i = 0; i + 1 < parts.Count; i++)
        {
            if (!NamesAJob(parts[i]) || !NamesAField(parts[i + 1]))
                continue;
            parts[i] = $"{parts[i]}, {parts[i + 1]}";
            parts.RemoveAt(i + 1);
            break;
        }
        return parts;
    }

    private static bool NamesAField(string text) => FieldOfWork().IsMatch(text) && !NamesAJob(text) && !LooksLikeOrganization(text);

    /// <summary>Title first, unless the first part reads like an organisation (or the second like a job) and the other does not.</summary>
    private static (string? Title, string? Organization) Ordered(string first, string second) =>
        (LooksLikeOrganization(first) && !LooksLikeOrganization(second)) || (NamesAJob(second) && !NamesAJob(first))
            ? (second, first)
            : (first, second);

    private static bool NamesAJob(string text) => JobWords().IsMatch(text);

    private static bool LooksLikeOrganization(string text) => OrganizationWords().IsMatch(text);

    private static string Clean(string text) => Trimmable().Replace(EmptyBrackets().Replace(text, " "), "").Trim();

    [GeneratedRegex(@" \| | — | – | - | @ |, | · ")]
    private static partial Regex PartSeparator();

    [GeneratedRegex(@"\b(?:engineer|developer|programmer|manager|analyst|scientist|designer|intern|consultant|lead|director|specialist|architect|officer|administrator|assistant|coordinator|teacher|nurse|researcher|head|associate|technician|founder|co-founder|president|editor|writer|accountant|advis[eo]r|tutor|lecturer|professor|fellow|trainee|apprentice|volunteer|representative|executive|supervisor|clerk|strategist|owner|CTO|CEO|CFO|COO|VP|SRE|DevOps|Werkstudent(?:in)?|Praktikant(?:in)?)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex JobWords();

    // Two to four capitalised words ending in an -ing noun: "Video Understanding", "Machine Learning", "Cloud Computing".
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}&/-]*\s+){1,3}\p{Lu}\p{Ll}{2,}ing$")]
    private static partial Regex FieldOfWork();

    [GeneratedRegex(@"\s+(?:at|bei|en)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AtWord();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"^[\s|,;:·•—–\-*@()]+|[\s|,;:·•—–\-*@(]+$")]
    private static partial Regex Trimmable();

    [GeneratedRegex(@"\b(?:Inc|Ltd|LLC|GmbH|AG|SE|Corp|Corporation|Company|Co|S\.?A|S\.?L|plc|Group|Labs?|Studio|Systems|Solutions|Technologies|Bank|Banco|University|Universität|Universidad|Institute|Agency|Foundation)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex OrganizationWords();
}
