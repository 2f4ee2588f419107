using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Builds a posting from its sections: headings say which text holds responsibilities, requirements,
/// details or company text, and boilerplate is dropped on the way, whatever section it sits in.
/// </summary>
internal static partial class SectionedPostingBuilder
{
    private const int SentencesToSplitProse = 3;
    private const string PayKey = "Pay";

    // "Responsibilities include: A. B. C." inside prose: the sentences after the marker are the duties.
    [GeneratedRegex(@"\b(?:responsibilities include|duties include|you will|in this role,? you will|your tasks include)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex InlineDuties();

    public static Posting Build(IReadOnlyList<Section> sections, string fullText, List<string> warnings)
    {
        var details = new Dictionary<string, string>();
        var responsibilities = new List<string>();
        var requirements = new RequirementFactory();
        var about = new List<string>();
        string? title = null;
        var summaries = new SortedDictionary<int, string>();

        foreach (var section in sections)
        {
            var items = Keep(ItemExtractor.Extract(section.Lines), details);
            switch (section.Kind)
            {
                case SectionKind.Title:
                    title ??= section.Heading;
                    AddSummary(summaries, 0, items);
                    break;
                case SectionKind.Summary:
                    AddSummary(summaries, 1, items);
                    break;
                case SectionKind.Description:
                    AddSummary(summaries, 2, items);
                    break;
                case SectionKind.Intro:
                    AddSummary(summaries, 3, items);
                    break;
                case SectionKind.About:
                    about.AddRange(items.Select(i => i.Text));
                    break;
                case SectionKind.Responsibilities:
                    responsibilities.AddRange(AsList(items));
                    break;
                case var kind when kind.AsksForQualifications():
                    foreach (var item in items)
                        requirements.Add(item.Text, section.Kind == SectionKind.Preferred);
                    break;
                case var kind when kind.IsDetail() && section.Heading is not null && items.Count > 0:
                    details[section.Heading] = string.Join("; ", items.Select(i => i.Text));
                    break;
            }
        }

        // "Title: Data Analyst" names the job; the label never becomes part of the title.
        if (DetailLines.Title(details) is { } labelledTitle)
            title = labelledTitle;
        if (responsibilities.Count == 0)
            responsibilities.AddRange(InlineDutiesFrom(sections));
        var summary = summaries.Values.FirstOrDefault();
        title ??= JobTitleRules.FromSentence(summary ?? "") ?? JobTitleRules.FromSentence(fullText);
        if (responsibilities.Count == 0 && requirements.Requirements.Count == 0 && title is not null && summary is not null)
        {
            // A job ad written as one block of prose: sentences that ask for something are requirements, the rest duties.
            foreach (var sentence in ItemExtractor.Sentences(summary.Replace('\n', ' ')))
            {
                if (AsksForSomething(sentence))
                    requirements.Add(sentence, inPreferredSection: false);
                else
                    responsibilities.Add(sentence);
            }
            warnings.Add("The posting has no headed sections for duties or requirements; they were taken from its sentences.");
        }

        var position = new Position
        {
            Title = title ?? "",
            Summary = summary,
            Responsibilities = responsibilities.Distinct().ToList(),
            Requirements = requirements.Requirements,
        };
        var meta = PostingFacts.MetaLine(sections);
        return new Posting
        {
            Title = title,
            Salary = PayText(details, fullText) is { } pay ? SalaryText.Read(pay) : null,
            DatePosted = details.Where(d => d.Key.Contains("posted", StringComparison.OrdinalIgnoreCase))
                .Select(d => DateOnly.TryParse(d.Value, CultureInfo.InvariantCulture, out var date) ? date : (DateOnly?)null)
                .FirstOrDefault(d => d is not null),
            Company = DetailLines.Company(details) ?? meta?.Company ?? PostingFacts.Company(sections, fullText),
            Location = PostingFacts.Location(details, fullText) ?? meta?.Location,
            EmploymentType = meta?.EmploymentType ?? PostingFacts.EmploymentType(title, details),
            Details = details,
            AboutCompany = about.Count > 0 ? string.Join("\n", about) : null,
            Positions = [position],
            Warnings = warnings,
        };
    }

    /// <summary>Drops boilerplate and moves "Label: value" facts into the details.</summary>
    internal static List<Item> Keep(IReadOnlyList<Item> items, Dictionary<string, string> details)
    {
        var kept = new List<Item>();
        foreach (var item in items)
        {
            if (BoilerplateFilter.IsBoilerplate(item.Text))
                continue;
            if (DetailLines.TryRead(item.Text, out var label, out var value))
            {
                details.TryAdd(label, value);
                continue;
            }
            // Pay-transparency paragraphs sit among the qualifications but are facts about the job.
            if (SalaryText.NamesPay(item.Text) && SalaryText.Read(item.Text) is not null)
            {
                details.TryAdd(PayKey, item.Text);
                continue;
            }
            kept.Add(item);
        }
        return kept;
    }

    /// <summary>List items as they are; a single block of prose is cut into its sentences.</summary>
    internal static IEnumerable<string> AsList(IReadOnlyList<Item> items)
    {
        if (items.Count == 1 && !items[0].Bulleted && ItemExtractor.Sentences(items[0].Text) is { Count: >= SentencesToSplitProse } sentences)
            return sentences;
        return items.Select(i => i.Text);
    }

    private static bool AsksForSomething(string sentence) =>
        QualificationFacts.MinYears(sentence) is not null || QualificationFacts.MinDegree(sentence) is not null || AskingWords().IsMatch(sentence);

    [GeneratedRegex(@"\b(required|requires?|needed|must (have|be)|you have|you bring|essential|ideally|should have|is a plus|nice to have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AskingWords();

    /// <summary>The details entry or line that names pay, if any.</summary>
    private static string? PayText(Dictionary<string, string> details, string fullText) =>
        details.Where(d => SalaryText.NamesPay(d.Key)).Select(d => d.Value).FirstOrDefault()
        ?? fullText.Split('\n').FirstOrDefault(l => SalaryText.NamesPay(l) && SalaryText.Read(l) is not null);

    private static void AddSummary(SortedDictionary<int, string> summaries, int priority, List<Item> items)
    {
        if (items.Count > 0 && !summaries.ContainsKey(priority))
            summaries[priority] = string.Join("\n", items.Select(i => i.Text));
    }

    private static IEnumerable<string> InlineDutiesFrom(IReadOnlyList<Section> sections)
    {
        foreach (var section in sections.Where(s => s.Kind is SectionKind.Description or SectionKind.Summary or SectionKind.Title))
        {
            var text = section.Text;
            var marker = InlineDuties().Match(text);
            if (marker.Success)
                return ItemExtractor.Sentences(text[(marker.Index + marker.Length)..]);
        }
        // No duties listed anywhere: the job description's sentences are the closest thing to them.
        return sections.Where(s => s.Kind == SectionKind.Description)
            .SelectMany(s => Keep(ItemExtractor.Extract(s.Lines), []))
            .SelectMany(i => i.Bulleted ? [i.Text] : ItemExtractor.Sentences(i.Text));
    }
}
