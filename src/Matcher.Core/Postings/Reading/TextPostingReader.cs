using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>Reads a posting from text: plain, Markdown, pasted, or extracted from a PDF, DOCX or HTML page.</summary>
internal static class TextPostingReader
{
    public static Posting Read(string text, string? titleHint = null, List<LineReading>? trace = null)
    {
        var warnings = new List<string>();
        if (MojibakeRepair.Repair(text) != text)
            warnings.Add("Repaired characters garbled by a wrong text encoding (e.g. \"â€”\" → \"—\").");

        var normalized = TextNormalizer.Normalize(text, HtmlPostingReader.Html);
        var lines = InlineHeadings.Separate(normalized.Split('\n'));
        var multi = MultiPositionSplitter.TrySplit(lines);
        var sections = SectionSplitter.Split(multi?.Preamble ?? lines);
        var posting = SectionedPostingBuilder.Build(sections, normalized, warnings, trace);

        if (titleHint is not null && posting.Title is null)
            posting = posting with { Title = titleHint, Positions = [posting.Positions[0] with { Title = titleHint }] };
        if (multi is not null)
            posting = posting with { Positions = multi.Positions };
        return posting;
    }
}
