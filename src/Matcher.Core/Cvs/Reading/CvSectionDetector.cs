using System.Text.RegularExpressions;
using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Cvs.Reading;

public enum CvSection { Header, Summary, Experience, Education, Skills, Projects, Publications, Languages, Certifications, Contact, Other }

/// <summary>A run of lines under one heading; the header is everything before the first heading.</summary>
public sealed record CvSectionBlock(CvSection Section, string? Heading, IReadOnlyList<CvLine> Lines);

/// <summary>
/// Splits a CV into sections by its headings, in the usual English, German and Spanish wordings and in any casing.
/// A heading is a short line that is only a heading phrase, or a phrase followed by a colon and content ("Skills: C#, SQL").
/// </summary>
public static partial class CvSectionDetector
{
    private const int MaxHeadingLength = 60;

    // The wordings live with the posting headings in headings.json, under "cv".
    private static readonly Lazy<Dictionary<string, CvSection>> Headings = new(() => Build(HeadingVocabulary.CvWordings));

    public static IReadOnlyList<CvSectionBlock> Split(IReadOnlyList<CvLine> lines)
    {
        var blocks = new List<CvSectionBlock>();
        var section = CvSection.Header;
        string? heading = null;
        var current = new List<CvLine>();
        var previousBlank = true;
        foreach (var line in lines)
        {
            // "Tools: Docker, Git" inside a role describes the role; it opens a section only after a blank line.
            if (Match(line) is { } found
                && (found.Content is not { Length: > 0 } || previousBlank || section is not (CvSection.Experience or CvSection.Projects)))
            {
                previousBlank = false;
                if (current.Count > 0 || heading is not null)
                    blocks.Add(new CvSectionBlock(section, heading, current));
                (section, heading, current) = (found.Section, found.Heading, []);
                if (found.Content is { Length: > 0 } rest)
                    current.Add(new CvLine(rest, false));
                continue;
            }
            current.Add(line);
            previousBlank = line.IsBlank;
        }
        if (current.Count > 0 || heading is not null)
            blocks.Add(new CvSectionBlock(section, heading, current));
        return blocks;
    }

    /// <summary>The section a line opens, with any content after a colon, or null when the line is not a heading.</summary>
    public static (CvSection Section, string Heading, string? Content)? Match(CvLine line)
    {
        if (line.IsBlank || line.IsBullet)
            return null;
        var text = line.Text;
        var colon = text.IndexOf(':');
        var head = colon > 0 ? text[..colon] : text;
        if (head.Length > MaxHeadingLength)
            return null;
        if (!Headings.Value.TryGetValue(Normalize(head), out var section))
            return null;
        var rest = colon > 0 ? text[(colon + 1)..].Trim() : null;
        return (section, head.Trim(), rest);
    }

    internal static string Normalize(string heading)
    {
        var s = heading.Trim().Trim('#', '*', '_', '=', '-', '–', '—', '|', ':', ' ', '.').ToLowerInvariant();
        s = s.Replace("&", " and ").Replace(" und ", " and ").Replace(" y ", " and ");
        return Spaces().Replace(s, " ").Trim();
    }

    private static Dictionary<string, CvSection> Build(IReadOnlyDictionary<string, IReadOnlyList<string>> wordings)
    {
        var map = new Dictionary<string, CvSection>(StringComparer.Ordinal);
        foreach (var (name, words) in wordings)
        {
            if (!Enum.TryParse<CvSection>(name, ignoreCase: true, out var section) || section == CvSection.Header)
                throw new InvalidDataException($"The CV headings in headings.json name an unknown section \"{name}\". Use one of: {string.Join(", ", Enum.GetNames<CvSection>().Skip(1))}.");
            foreach (var w in words)
                map[Normalize(w)] = section;
        }
        return map;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
