using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Cvs.Reading;

/// <summary>
/// Reads education entries. An entry starts at a line that names a degree (or after a blank line) and may run
/// over the next lines ("B.Sc. Informatik" / "TU Berlin, 2017"); its parts are split on commas, pipes and dashes.
/// </summary>
public static partial class EducationParser
{
    private static readonly string[] PartSeparators = [" | ", " — ", " – ", " · ", ", ", " - "];

    public static IReadOnlyList<EducationEntry> Parse(IReadOnlyList<CvLine> lines)
    {
        var groups = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.IsBlank) { current = null; continue; }
            if (IsTableHeader(line.Text))
                continue;
            var startsEntry = current is null || Degree(line.Text) is not null && current.Any(l => Degree(l) is not null);
            if (startsEntry)
                groups.Add(current = []);
            current!.Add(line.Text);
        }
        return groups.Select(Read).Where(e => e.Degree is not null || e.Institution is not null).ToList();
    }

    // Lines read here are about education, so "Licence" and "Promotion" name degrees.
    private static DegreeMention? Degree(string text) => DegreeVocabulary.Default.Find(text, inEducation: true);

    internal static EducationEntry Read(IReadOnlyList<string> lines)
    {
        var text = string.Join(" | ", lines);
        var range = DateRangeParser.FindRange(text);
        int? endYear = range is { IsCurrent: true } ? null : range?.End?.Year ?? DateRangeParser.Years(text).Cast<int?>().LastOrDefault();
        if (range is not null)
            text = text.Remove(range.Index, range.Length);
        // "(2021)" is the year, already read; the brackets would otherwise cling to the institution.
        text = BracketedYear().Replace(text, "");
        var parts = SplitParts(text).Where(p => !YearOnly().IsMatch(p)).ToList();

        var degreePart = parts.FirstOrDefault(p => Degree(p) is not null);
        var found = degreePart is null ? null : Degree(degreePart);
        var institution = parts.FirstOrDefault(p => p != degreePart && Institution().IsMatch(p))
            ?? parts.Skip(degreePart is null ? 0 : parts.IndexOf(degreePart) + 1).FirstOrDefault();

        string? field = null;
        if (found is { } f && degreePart is not null)
        {
            field = TrimBalanced(FieldLead().Replace(degreePart[(f.Index + f.Length)..].TrimStart(' ', '.', ','), "").Trim(' ', '.', ',', ':'));
            if (field.Length == 0)
                field = parts.FirstOrDefault(p => p != degreePart && p != institution && !Institution().IsMatch(p));
        }

        return new EducationEntry
        {
            Degree = degreePart ?? (institution is null ? parts.FirstOrDefault() : null),
            Level = found?.Level,
            Field = string.IsNullOrWhiteSpace(field) ? null : field,
            Institution = institution,
            EndYear = endYear,
        };
    }

    private static IEnumerable<string> SplitParts(string text)
    {
        IEnumerable<string> parts = [text];
        foreach (var separator in PartSeparators)
            parts = parts.SelectMany(p => p.Split(separator));
        return parts.Select(p => TrimBalanced(p.Trim(' ', ',', '|', '–', '—', '-', ';'))).Where(p => p.Length > 0);
    }

    /// <summary>Takes off a bracket only when it is left open: "(machine learning)" keeps both, "2018)" loses its one.</summary>
    private static string TrimBalanced(string part)
    {
        while (true)
        {
            var open = part.Count(c => c == '(');
            var close = part.Count(c => c == ')');
            if (part.StartsWith('(') && open > close || part.StartsWith(')'))
                part = part[1..].Trim();
            else if (part.EndsWith(')') && close > open || part.EndsWith('('))
                part = part[..^1].Trim();
            else if (part.StartsWith('(') && part.EndsWith(')') && open == 1 && close == 1)
                part = part[1..^1].Trim();
            else
                return part;
        }
    }

    private static bool IsTableHeader(string text) =>
        text.Split('|').Select(c => c.Trim().ToLowerInvariant()).All(c => c is "degree" or "institution" or "school" or "university" or "year" or "years" or "dates" or "field" or "abschluss" or "titulo" or "título" or "año" or "jahr")
        && text.Contains('|');

    [GeneratedRegex(@"\b(?:Universit\w*|College|Institut\w*|School|Hochschule|Fachhochschule|Academy|Akademie|Academia|Polytechnic|Polit[eé]cnic\w*|Escuela|Gymnasium|TU|ETH|EPFL|MIT|KTH|Technion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Institution();

    [GeneratedRegex(@"^\s*(?:in|of|en|de|im|in the)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex FieldLead();

    [GeneratedRegex(@"\s*\(\s*(?:19|20)\d{2}\s*\)")]
    private static partial Regex BracketedYear();

    [GeneratedRegex(@"^(?:19|20)\d{2}$")]
    private static partial Regex YearOnly();
}
