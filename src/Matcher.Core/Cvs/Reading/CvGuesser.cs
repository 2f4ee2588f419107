using Matcher.Core.Text;

namespace Matcher.Core.Cvs.Reading;

/// <summary>
/// Best-effort reading of a CV without section headings: contact from the top lines, roles from date ranges,
/// education from degree names, skills from lines that read like lists. The result carries a warning.
/// </summary>
internal static class CvGuesser
{
    public const string NoHeadingsWarning =
        "No section headings were found, so sections were guessed from dates, degree names and lists. Add headings such as \"Experience\", \"Education\" and \"Skills\" for a more reliable reading.";

    private const int MaxContactLines = 8;

    public static CvDocument Guess(IReadOnlyList<CvLine> lines, string text)
    {
        var firstDated = lines.ToList().FindIndex(l => DateRangeParser.FindRange(l.Text) is not null);
        var top = lines.Take(firstDated < 0 ? MaxContactLines : Math.Min(firstDated, MaxContactLines)).ToList();
        var consumed = new HashSet<CvLine>(ReferenceEqualityComparer.Instance);
        var contact = ContactExtractor.Extract(top, consumed);

        var skills = new List<CvLine>();
        var education = new List<CvLine>();
        var rest = new List<CvLine>();
        foreach (var line in lines)
        {
            if (consumed.Contains(line))
                rest.Add(new CvLine("", false));
            else if (!line.IsBlank && DegreeVocabulary.Default.Find(line.Text) is not null && !LooksLikeRole(line.Text))
            {
                education.Add(line);
                rest.Add(new CvLine("", false));
            }
            else if (!line.IsBlank && DateRangeParser.FindRange(line.Text) is null && ListSplitter.LooksLikeList(line.Text))
            {
                skills.Add(line);
                rest.Add(new CvLine("", false));
            }
            else
                rest.Add(line);
        }

        return new CvDocument
        {
            Contact = contact,
            Experience = ExperienceParser.Parse(rest),
            Education = EducationParser.Parse(education.SelectMany(l => new[] { l, new CvLine("", false) }).ToList()),
            Skills = ListSplitter.Split(skills),
            Text = text,
            Warnings = [NoHeadingsWarning],
        };
    }

    // "Teaching Assistant, MIT, 2019 – 2020" names a school but is a role: a title word before the first comma.
    private static bool LooksLikeRole(string text) =>
        DateRangeParser.FindRange(text) is not null && DegreeVocabulary.Default.Find(text) is { } d && d.Index > text.IndexOf(',') && text.IndexOf(',') > 0;
}
