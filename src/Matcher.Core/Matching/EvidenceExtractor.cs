using Matcher.Core.Cvs;

namespace Matcher.Core.Matching;

/// <summary>One quotable line of a CV, with the section it came from.</summary>
/// <param name="RoleIndex">The role of <see cref="CvDocument.Experience"/> the line belongs to, if any.</param>
public sealed record EvidenceUnit(string Text, string Section, int? RoleIndex = null);

/// <summary>Cuts a CV into the lines a requirement can be matched against and quoted from.</summary>
public static class EvidenceExtractor
{
    private const int MinLength = 2;

    // Sections that are long lists in some CVs and say least per line; a capped CV gives them up first.
    private static readonly HashSet<string> ListSections = new(StringComparer.Ordinal) { "Projects", "Publications", "Other" };

    /// <summary>The CV's quotable lines, at most <paramref name="maxLines"/> (see <see cref="MatchingOptions.MaxCvLines"/>).</summary>
    public static IReadOnlyList<EvidenceUnit> Extract(CvDocument cv, int maxLines)
    {
        var units = Extract(cv);
        if (units.Count <= maxLines)
            return units;
        // Keep the summary, roles, education, skills and credentials before long lists, each in the CV's own order
        // (recent roles come first in a CV, so a very long career loses its oldest lines).
        return units.Select((unit, index) => (unit, index))
            .OrderBy(u => ListSections.Contains(u.unit.Section) ? 1 : 0).ThenBy(u => u.index)
            .Take(maxLines).OrderBy(u => u.index).Select(u => u.unit).ToList();
    }

    /// <summary>Every quotable line of the CV.</summary>
    public static IReadOnlyList<EvidenceUnit> Extract(CvDocument cv)
    {
        var units = new List<EvidenceUnit>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(string? text, string section, int? role = null)
        {
            var clean = text?.Trim().Trim('•', '-', '*', '·').Trim();
            if (clean is null || clean.Length < MinLength || !seen.Add($"{section}|{clean}"))
                return;
            units.Add(new EvidenceUnit(clean, section, role));
        }

        foreach (var sentence in SplitSentences(cv.Summary))
            Add(sentence, "Summary");
        for (var i = 0; i < cv.Experience.Count; i++)
        {
            var role = cv.Experience[i];
            var heading = string.Join(" at ", new[] { role.Title, role.Organization }.Where(s => !string.IsNullOrWhiteSpace(s)));
            Add(heading, "Experience", i);
            foreach (var bullet in role.Bullets)
                foreach (var sentence in SplitSentences(bullet))
                    Add(sentence, "Experience", i);
        }
        foreach (var entry in cv.Education)
        {
            // Readers often put the field inside the degree ("MSc Computer Science"); quote it once.
            var field = entry.Field is { } f && entry.Degree?.Contains(f, StringComparison.OrdinalIgnoreCase) == true ? null : entry.Field;
            Add(string.Join(", ", new[] { entry.Degree, field, entry.Institution }.Where(s => !string.IsNullOrWhiteSpace(s))), "Education");
        }
        foreach (var skill in cv.Skills)
            Add(skill, "Skills");
        foreach (var item in cv.Projects)
            Add(item, "Projects");
        foreach (var item in cv.Publications)
            Add(item, "Publications");
        foreach (var item in cv.Certifications)
            Add(item, "Certifications");
        foreach (var item in cv.Languages)
            Add(item, "Languages");
        foreach (var item in cv.Other)
            Add(item, "Other");

        // A CV whose structure could not be read still has text: fall back to its lines.
        if (units.Count < 3)
            foreach (var line in cv.Text.Split('\n'))
                Add(line, "CV");
        return units;
    }

    /// <summary>Splits long paragraphs into sentences so a quote points at the line that matters.</summary>
    internal static IEnumerable<string> SplitSentences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.Length < 200)
            {
                yield return line;
                continue;
            }
            var start = 0;
            for (var i = 1; i < line.Length - 1; i++)
            {
                if (line[i] is '.' or ';' && line[i + 1] == ' ' && char.IsUpper(line[Math.Min(i + 2, line.Length - 1)]))
                {
                    yield return line[start..(i + 1)].Trim();
                    start = i + 2;
                }
            }
            if (start < line.Length)
                yield return line[start..].Trim();
        }
    }
}
