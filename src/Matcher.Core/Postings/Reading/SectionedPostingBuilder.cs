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
    private const int WordsOfAParagraph = 50;

    // "Responsibilities include: A. B. C." inside prose: the sentences after the marker are the duties.
    [GeneratedRegex(@"\b(?:responsibilities include|duties include|you will|in this role,? you will|your tasks include)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex InlineDuties();

    public static Posting Build(IReadOnlyList<Section> sections, string fullText, List<string> warnings, List<LineReading>? trace = null)
    {
        var read = new Reading(trace ?? []);
        var details = read.Details;
        var responsibilities = new List<string>();
        var requirements = new RequirementFactory();
        var about = new List<string>();
        string? title = null;
        (string? Company, string? Location, int Lines) header = (null, null, 0);
        var summaries = new SortedDictionary<int, string>();

        foreach (var section in sections)
        {
            var where = section.Heading ?? SectionName(section.Kind);
            if (section.Heading is not null)
                read.Trace(section.Heading, where, section.Kind == SectionKind.Title ? "title" : "heading", $"opens {SectionName(section.Kind)}");
            var lines = section.Lines;
            if (section.Kind == SectionKind.Title && title is null && PostingFacts.Header(lines) is { Lines: > 0 } found)
            {
                header = found;
                read.Trace(lines[0], where, "posting field: Company", "the line under the title");
                if (found.Location is not null)
                    read.Trace(lines[1], where, "posting field: Location", "the line under the company names a place");
                lines = lines.Skip(found.Lines).ToList();
            }
            var raw = ItemExtractor.Extract(lines);
            switch (section.Kind)
            {
                case SectionKind.Title:
                    title ??= section.Heading;
                    AddSummary(summaries, 0, read.Summary(Keep(raw, details, read, where), where));
                    break;
                case SectionKind.Summary:
                    AddSummary(summaries, 1, read.Summary(Keep(raw, details, read, where), where));
                    break;
                case SectionKind.Description:
                    AddSummary(summaries, 2, read.Summary(Keep(raw, details, read, where), where));
                    break;
                case SectionKind.Intro:
                    AddSummary(summaries, 3, read.Summary(Keep(raw, details, read, where), where));
                    break;
                case SectionKind.About:
                    foreach (var item in Keep(raw, details, read, where))
                    {
                        about.Add(item.Text);
                        read.NotScored(item.Text, NotScoredReason.AboutCompany, where, "kept as the company's own text");
                    }
                    break;
                case SectionKind.Responsibilities:
                    foreach (var duty in AsList(KeepScored(raw, read, where)))
                    {
                        responsibilities.Add(duty);
                        read.Trace(duty, where, "responsibility", $"under the heading \"{where}\"");
                    }
                    break;
                case var kind when kind.AsksForQualifications():
                    var scoredItems = KeepScored(raw, read, where);
                    var competencies = scoredItems.Where(i => CompetencyRow().IsMatch(i.Text)).ToList();
                    if (competencies.Count < MinCompetencyRows)
                        competencies = [];
                    foreach (var item in scoredItems)
                    {
                        if (competencies.Count > 0 && competencies.Contains(item))
                        {
                            if (item == competencies[0] && requirements.Add(CompetencyList(competencies), kind == SectionKind.Preferred) is { } list)
                                foreach (var row in competencies)
                                    read.Trace(row.Text, where, $"requirement {list.Id} ({KindName(list.Kind)})", "one of a list of competencies, read together as one requirement");
                            continue;
                        }
                        foreach (var piece in Pieces(item))
                        {
                            if (!item.Bulleted && LineClassifier.IsDuty(piece))
                            {
                                responsibilities.Add(piece);
                                read.Trace(piece, where, "responsibility", "describes the work, not the person");
                            }
                            else if (requirements.Add(piece, kind == SectionKind.Preferred) is { } requirement)
                                read.Trace(piece, where, $"requirement {requirement.Id} ({KindName(requirement.Kind)})",
                                    kind == SectionKind.Preferred ? $"under the heading \"{where}\"" : requirement.Kind == RequirementKind.Preferred ? "worded as a preference" : $"under the heading \"{where}\"");
                        }
                    }
                    break;
                case var kind when kind.IsDetail():
                    var kept = Keep(raw, details, read, where);
                    if (section.Heading is not null && kept.Count > 0)
                        details[section.Heading] = string.Join("; ", kept.Select(i => i.Text));
                    foreach (var item in kept)
                        read.NotScored(item.Text, LineClassifier.SectionReason(kind, section.Heading, item.Text), where, $"under the heading \"{where}\"");
                    break;
                case SectionKind.PositionList:
                    break;
                default:
                    foreach (var item in raw)
                        read.NotScored(item.Text, LineClassifier.SectionReason(section.Kind, section.Heading, item.Text), where, $"under the heading \"{where}\"");
                    break;
            }
        }

        foreach (var line in read.Eligibility)
            if (requirements.Add(line, inPreferredSection: false) is { } requirement)
                read.Trace(line, "posting fields", $"requirement {requirement.Id} ({KindName(requirement.Kind)})", "a \"Label: value\" line that says who may apply");

        // "Title: Data Analyst" names the job; the label never becomes part of the title.
        if (DetailLines.Title(details) is { } labelledTitle)
            title = labelledTitle;
        if (responsibilities.Count == 0)
            foreach (var duty in InlineDutiesFrom(sections, read))
            {
                responsibilities.Add(duty);
                read.Trace(duty, "description", "responsibility", "no duties are listed, so the job description's sentences stand for them");
            }
        var summary = summaries.Values.FirstOrDefault();
        title ??= JobTitleRules.FromSentence(summary ?? "") ?? JobTitleRules.FromSentence(fullText);
        if (responsibilities.Count == 0 && requirements.Requirements.Count == 0 && title is not null && summary is not null)
        {
            // A job ad written as one block of prose: each sentence is classified like any line.
            foreach (var sentence in ItemExtractor.Sentences(summary.Replace('\n', ' ')))
            {
                if (LineClassifier.NotScored(sentence) is { } reason)
                    read.NotScored(sentence, reason, "text without headings", "inferred from the sentence");
                else if (AsksForSomething(sentence))
                {
                    foreach (var clause in Clauses(sentence))
                        if (requirements.Add(clause, inPreferredSection: false) is { } requirement)
                            read.Trace(clause, "text without headings", $"requirement {requirement.Id} ({KindName(requirement.Kind)})", "inferred: the sentence asks for something");
                }
                else if (JobTitleRules.FromSentence(sentence) is not null)
                    read.Trace(sentence, "text without headings", "summary", "inferred: the sentence announces the job");
                else
                {
                    responsibilities.Add(sentence);
                    read.Trace(sentence, "text without headings", "responsibility", "inferred: the sentence describes the work");
                }
            }
            warnings.Add("The posting has no headed sections for duties or requirements, so its structure was inferred: they were taken from its sentences. Check them before matching.");
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
            Company = DetailLines.Company(details) ?? header.Company ?? meta?.Company ?? PostingFacts.Company(sections, fullText),
            Location = header.Location ?? PostingFacts.Location(details, fullText) ?? meta?.Location,
            EmploymentType = meta?.EmploymentType ?? PostingFacts.EmploymentType(title, details),
            Details = details,
            AboutCompany = about.Count > 0 ? string.Join("\n", about) : null,
            Positions = [position],
            Warnings = warnings,
            NotScored = read.NotScoredLines,
        };
    }

    private static string KindName(RequirementKind kind) => kind == RequirementKind.Preferred ? "preferred" : "required";

    private static string SectionName(SectionKind kind) => kind switch
    {
        SectionKind.Intro => "text before the first heading",
        SectionKind.Title => "the job title",
        SectionKind.About => "about the company",
        SectionKind.Summary or SectionKind.Description => "about the role",
        SectionKind.Responsibilities => "responsibilities",
        SectionKind.Requirements => "requirements",
        SectionKind.Preferred => "preferred qualifications",
        SectionKind.Education => "education",
        SectionKind.Experience => "experience",
        SectionKind.Skills => "skills",
        SectionKind.Licences => "licences and certifications",
        SectionKind.Conditions => "working conditions",
        SectionKind.Schedule => "schedule",
        SectionKind.Compensation => "pay and benefits",
        SectionKind.HowToApply => "how to apply",
        SectionKind.Details => "posting details",
        SectionKind.Boilerplate => "equal opportunity and legal text",
        SectionKind.PositionList => "a list of positions",
        _ => "another section",
    };

    /// <summary>What was read so far: details, not-scored lines and the account of each line.</summary>
    internal sealed class Reading(List<LineReading> trace)
    {
        private readonly List<NotScoredLine> notScored = [];

        public Dictionary<string, string> Details { get; } = new();

        /// <summary>"Qualified students: rising seniors": lines that say who may apply, wherever they stand.</summary>
        public List<string> Eligibility { get; } = [];

        public IReadOnlyList<NotScoredLine> NotScoredLines => notScored.DistinctBy(l => l.Text).ToList();

        public void Trace(string text, string section, string went, string why) => trace.Add(new LineReading(text, section, went, why));

        public void NotScored(string text, NotScoredReason reason, string? heading, string why)
        {
            notScored.Add(new NotScoredLine(text, reason) { Heading = heading });
            Trace(text, heading ?? "", $"not scored: {NotScoredLine.Describe(reason)}", why);
        }

        public List<Item> Summary(List<Item> items, string section)
        {
            foreach (var item in items)
                Trace(item.Text, section, "summary", "describes the role; shown, not scored");
            return items;
        }
    }

    /// <summary>Drops boilerplate and moves "Label: value" facts into the details.</summary>
    internal static List<Item> Keep(IReadOnlyList<Item> items, Dictionary<string, string> details, Reading? read = null, string? where = null)
    {
        var kept = new List<Item>();
        foreach (var item in items)
        {
            if (BoilerplateFilter.Reason(item.Text) is { } reason)
            {
                read?.NotScored(item.Text, reason, where, "standard text employers add to postings");
                continue;
            }
            if (read is not null && DetailLines.IsEligibility(item.Text))
            {
                read.Eligibility.Add(item.Text);
                continue;
            }
            if (DetailLines.TryRead(item.Text, out var label, out var value))
            {
                details.TryAdd(label, value);
                read?.Trace(item.Text, where ?? "", $"posting field: {label}", "a \"Label: value\" line");
                continue;
            }
            // Pay-transparency paragraphs sit among the qualifications but are facts about the job.
            if (SalaryText.NamesPay(item.Text) && SalaryText.Read(item.Text) is not null)
            {
                details.TryAdd(PayKey, item.Text);
                read?.Trace(item.Text, where ?? "", $"posting field: {PayKey}", "names pay");
                continue;
            }
            kept.Add(item);
        }
        return kept;
    }

    /// <summary>
    /// Keeps the lines of a requirements or duties section that can be scored. Every other line or sentence is set
    /// aside with its reason: boilerplate, conditions, pay, lead-ins ("…the following competencies:"), signatures.
    /// </summary>
    private static List<Item> KeepScored(IReadOnlyList<Item> items, Reading read, string where)
    {
        var kept = new List<Item>();
        var signed = false;
        foreach (var item in Keep(items, read.Details, read, where).SelectMany(Unglue))
        {
            if (signed && LineClassifier.IsSignatureLine(item.Text) || LineClassifier.IsSignOff(item.Text))
            {
                signed = true;
                read.NotScored(item.Text, NotScoredReason.Signature, where, "the recruiter's sign-off");
                continue;
            }
            if (item.Text.EndsWith(':'))
            {
                read.NotScored(item.Text, NotScoredReason.LeadIn, where, "introduces the lines after it");
                continue;
            }
            if (LineClassifier.NotScored(item.Text) is { } reason && (item.Bulleted || ItemExtractor.Sentences(item.Text).Count < 2))
            {
                read.NotScored(item.Text, reason, where, "worded like this kind of text");
                continue;
            }
            var sentences = item.Bulleted ? [item.Text] : ItemExtractor.Sentences(item.Text);
            var scored = sentences.Where(s => LineClassifier.NotScored(s) is null).ToList();
            if (scored.Count == sentences.Count)
            {
                kept.Add(item);
                continue;
            }
            foreach (var sentence in sentences.Except(scored))
                read.NotScored(sentence, LineClassifier.NotScored(sentence)!.Value, where, "a sentence worded like this kind of text");
            kept.AddRange(scored.Select(s => new Item(s, false)));
        }
        return kept;
    }

    private const int MaxGluedLeadWords = 5;

    /// <summary>
    /// "Team player Pay depending on experience…": a short list item run into the next paragraph when the line
    /// break was lost. The item is a phrase in sentence case that ends where a capitalised word starts text of
    /// another kind; it is cut off so that it is read on its own instead of going with the rest.
    /// </summary>
    private static IEnumerable<Item> Unglue(Item item)
    {
        var first = ItemExtractor.Sentences(item.Text).FirstOrDefault() ?? item.Text;
        if (LineClassifier.NotScored(first) is not { } reason)
            return [item];
        var words = first.Split(' ');
        // A sentence that opens with its subject ("You will work Monday…", "The Business team…") is not a list item.
        if (SentenceOpener().IsMatch(words[0]))
            return [item];
        for (var i = 2; i <= MaxGluedLeadWords && i < words.Length - 1; i++)
        {
            var next = words[i];
            var last = words[i - 1];
            if (next.Length < 2 || WeekdayOrMonth().IsMatch(next) || !char.IsUpper(next[0]) || !char.IsLower(next[1]) || !char.IsLower(last[0]) || !char.IsLetter(last[^1]))
                continue;
            var lead = string.Join(' ', words[..i]);
            var rest = item.Text[lead.Length..].Trim();
            if (LineClassifier.NotScored(lead) is null && LineClassifier.NotScored(string.Join(' ', words[i..])) == reason)
                return [new Item(lead, item.Bulleted), new Item(rest, item.Bulleted)];
        }
        return [item];
    }

    [GeneratedRegex(@"^(the|a|an|you|we|our|your|this|these|those|they|it|he|she|there|if|as|at|in|for|to|with|all|each|every)$", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceOpener();

    [GeneratedRegex(@"^(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")]
    private static partial Regex WeekdayOrMonth();

    // "Teamwork - Balances team and individual work; Gives and welcomes feedback; …": a row of a competency framework.
    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}/&' ]{2,40}?)\s+[-–—:]\s+\p{Lu}[^;]{3,}(;[^;]+){2,}$")]
    private static partial Regex CompetencyRow();

    private const int MinCompetencyRows = 3;

    /// <summary>
    /// A competency framework (a name and its behaviours, row after row) is one expectation about conduct, not a
    /// dozen qualifications: scored row by row it would outweigh the skills the job really needs.
    /// </summary>
    private static string CompetencyList(IEnumerable<Item> rows) =>
        "Competencies: " + string.Join(", ", rows.Select(r => CompetencyRow().Match(r.Text).Groups["name"].Value.Trim()));

    /// <summary>
    /// A requirement item as the qualifications it states: a paragraph of prose is cut into its sentences, and
    /// "The ideal candidate will have 3+ years of … and a valid driver's license" into the things it asks for.
    /// </summary>
    private static IReadOnlyList<string> Pieces(Item item)
    {
        if (item.Bulleted)
            return Clauses(item.Text);
        var sentences = ItemExtractor.Sentences(item.Text);
        var pieces = sentences.Count >= SentencesToSplitProse || item.Text.Split(' ').Length > WordsOfAParagraph ? sentences : [item.Text];
        return pieces.SelectMany(Clauses).ToList();
    }

    // "The ideal candidate will have", "You should have", "Candidates must have": a lead-in before a list of qualifications.
    [GeneratedRegex(@"^(?:(?:the|our) ideal candidate (?:will have|has|should have|will bring|brings)|you (?:will have|have|should have|bring|will bring)|(?:candidates|applicants) (?:must|should|will) have)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ListLead();

    // Where one asked-for thing ends and the next begins: "; ", ", and a …", " and 2 years …".
    [GeneratedRegex(@"\s*;\s*|,?\s+and\s+(?=(?:a|an|the|\d+\+?|at least|strong|excellent|good|proven|solid|experience|knowledge|proficiency|familiarity|fluency|ability)\b)|,\s+(?=(?:a|an|\d+\+?|at least|experience|knowledge|proficiency)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    private static IReadOnlyList<string> Clauses(string sentence)
    {
        var lead = ListLead().Match(sentence);
        if (!lead.Success)
            return [sentence];
        var rest = sentence[lead.Length..].TrimEnd('.', ' ');
        var clauses = ClauseBreak().Split(rest).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        // A lead-in before a single thing ("You bring passion and dedication…") keeps its own words.
        return clauses.Count < 2 ? [sentence] : clauses.Select(c => char.ToUpperInvariant(c[0]) + c[1..]).ToList();
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

    [GeneratedRegex(@"\b(required|requires?|needed|must (have|be)|you have|you bring|essential|ideally|should have|will have|(is|are|would be) a (plus|bonus)|nice to have)\b", RegexOptions.IgnoreCase)]
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

    private static IEnumerable<string> InlineDutiesFrom(IReadOnlyList<Section> sections, Reading read)
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
            .SelectMany(s => KeepScored(ItemExtractor.Extract(s.Lines), read, s.Heading ?? "description"))
            .SelectMany(i => i.Bulleted ? [i.Text] : ItemExtractor.Sentences(i.Text));
    }
}
