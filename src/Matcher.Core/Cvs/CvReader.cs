using Matcher.Core.Cvs.Reading;
using Matcher.Core.Documents;

namespace Matcher.Core.Cvs;

/// <summary>
/// Reads a CV from a file or from text into a <see cref="CvDocument"/>: contact, summary, dated roles, education,
/// skills and the other usual sections. A CV with no usable text is refused, never guessed at.
/// </summary>
public sealed partial class CvReader(DocumentReader documents, TimeProvider time)
{
    /// <summary>Fewer letters than this is not a CV but an empty template, a stray symbol or a failed export.</summary>
    private const int MinLetters = 20;
    private const int MinSummaryLineLength = 60;

    public CvReader() : this(new DocumentReader(), TimeProvider.System) { }

    /// <exception cref="OperationCanceledException">The caller stopped the read.</exception>
    public CvDocument Read(byte[] bytes, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var content = documents.Read(bytes, fileName, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(content, fileName);
    }

    public CvDocument Read(DocumentContent content, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = string.IsNullOrWhiteSpace(fileName) ? "The CV" : $"\"{Path.GetFileName(fileName)}\"";
        if (content.Format == Documents.DocumentFormat.Markdown && content.Markup is { } markdown)
            return ReadText(content.Text, name, BoldSpans(markdown));
        if (content.Format != Documents.DocumentFormat.Json)
            return ReadText(content.Text, name);

        var json = content.Markup ?? content.Text;
        if (!JsonResumeReader.IsJsonResume(json))
            throw new InputException($"{name} is JSON but not a JSON Resume (it has no \"basics\" or \"work\"). Export the CV as JSON Resume, PDF, DOCX or plain text.");
        var cv = JsonResumeReader.Read(json);
        EnsureUsable(cv.Text, name);
        return cv with { TotalYearsExperience = ExperienceCalculator.TotalYears(cv.Experience, Today()) };
    }

    public const string NoNameWarning =
        "No name was found at the top of the CV, so it is listed without one. Put the name alone on the first line, or add it when you review what was read.";

    public CvDocument ReadText(string text) => ReadText(text, "The CV");

    private CvDocument ReadText(string text, string name, IReadOnlyList<string>? units = null)
    {
        EnsureUsable(text, name);
        var lines = CvLine.Split(text);
        var blocks = CvSectionDetector.Split(lines);
        var cv = blocks.Any(b => b.Heading is not null) ? FromSections(blocks, text, units) : CvGuesser.Guess(lines, text);
        // Without a name a CV reads as a nameless applicant, and blind review has no name to hide: say so, not just "Read".
        if (cv.Contact.Name is null)
            cv = cv with { Warnings = [.. cv.Warnings, NoNameWarning] };
        return cv with { TotalYearsExperience = ExperienceCalculator.TotalYears(cv.Experience, Today()) };
    }

    /// <summary>
    /// Bold spans of a Markdown CV that hold a comma: "**Senior ML Engineer, Video Understanding**, StreamBox"
    /// marks the whole title as one, where the plain text alone would read "Video Understanding" as the employer.
    /// </summary>
    private static IReadOnlyList<string> BoldSpans(string markdown) =>
        Bold().Matches(markdown).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Contains(", ", StringComparison.Ordinal)).Distinct().ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\*\*|__)([^*_\n]+?)(?:\*\*|__)")]
    private static partial System.Text.RegularExpressions.Regex Bold();

    private static CvDocument FromSections(IReadOnlyList<CvSectionBlock> blocks, string text, IReadOnlyList<string>? units)
    {
        IReadOnlyList<CvLine> Lines(CvSection section) =>
            blocks.Where(b => b.Section == section).SelectMany(b => b.Lines.Append(new CvLine("", false))).ToList();

        var consumed = new HashSet<CvLine>(ReferenceEqualityComparer.Instance);
        var header = Lines(CvSection.Header);
        var contact = ContactExtractor.Extract([.. header, .. Lines(CvSection.Contact)], consumed);
        // An email at the foot of the CV is still the candidate's; links and numbers there may belong to others.
        if (contact.Email is null && ContactExtractor.Extract(blocks.SelectMany(b => b.Lines).ToList()).Email is { } email)
            contact = contact with { Email = email };
        var leftovers = header.Where(l => !l.IsBlank && !consumed.Contains(l)).ToList();

        var summaryLines = Lines(CvSection.Summary).Where(l => !l.IsBlank).Select(l => l.Text).ToList();
        if (summaryLines.Count == 0)
            summaryLines = leftovers.Where(l => l.Text.Length >= MinSummaryLineLength).Select(l => l.Text).ToList();

        var warnings = new List<string>();
        var experienceLines = Lines(CvSection.Experience);
        var roles = ExperienceParser.Parse(experienceLines, units).ToList();
        if (roles.Count == 0 && experienceLines.Any(l => !l.IsBlank))
        {
            warnings.Add("The experience section has no dates, so years of experience could not be counted. Give each role a period such as \"Mar 2021 – present\".");
            roles.Add(new Role { Bullets = experienceLines.Where(l => !l.IsBlank).Select(l => l.Text).ToList() });
        }
        else if (experienceLines.Count == 0)
            warnings.Add("No work experience section was found.");

        return new CvDocument
        {
            Contact = contact,
            Summary = summaryLines.Count > 0 ? string.Join(" ", summaryLines) : null,
            Experience = roles,
            Education = EducationParser.Parse(Lines(CvSection.Education)),
            Skills = ListSplitter.Split(Lines(CvSection.Skills)),
            Languages = ListSplitter.Split(Lines(CvSection.Languages)),
            Projects = Items(Lines(CvSection.Projects)),
            Publications = Items(Lines(CvSection.Publications)),
            Certifications = Items(Lines(CvSection.Certifications)),
            Other = [.. leftovers.Where(l => l.Text.Length < MinSummaryLineLength).Select(l => l.Text), .. Lines(CvSection.Other).Where(l => !l.IsBlank).Select(l => l.Text)],
            Text = text,
            Warnings = warnings,
        };
    }

    /// <summary>One item per bullet (or per line where there are no bullets); plain lines under a bullet continue it.</summary>
    internal static IReadOnlyList<string> Items(IEnumerable<CvLine> lines)
    {
        var items = new List<string>();
        var previousBullet = false;
        foreach (var line in lines)
        {
            if (line.IsBlank) { previousBullet = false; continue; }
            if (!line.IsBullet && previousBullet && items.Count > 0)
                items[^1] = $"{items[^1]} {line.Text}";
            else
            {
                items.Add(line.Text);
                previousBullet = line.IsBullet;
            }
        }
        return items;
    }

    private static void EnsureUsable(string text, string name)
    {
        var letters = text.Count(char.IsLetter);
        if (letters < MinLetters)
            throw new InputException($"{name} holds almost no readable text ({letters} letters), so there is nothing to match. Check that it is the CV itself and that its text can be selected, then upload it again.");
    }

    private YearMonth Today() => YearMonth.From(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
}
