using Matcher.Core.Documents;
using Matcher.Core.Postings.Reading;
using Matcher.Core.Text;
using Format = Matcher.Core.Documents.DocumentFormat;

namespace Matcher.Core.Postings;

/// <summary>
/// Reads a job posting from a file or pasted text into a <see cref="Posting"/>: plain text, Markdown, HTML
/// pages (schema.org JobPosting JSON-LD preferred when present), standalone JSON-LD, and the text that
/// <see cref="DocumentReader"/> extracts from PDF and DOCX files.
/// </summary>
public sealed partial class PostingReader(DocumentReader documents)
{
    public PostingReader() : this(new DocumentReader()) { }

    /// <summary>How the warning about a missing job title begins; it no longer applies once someone names the posting.</summary>
    public const string NoTitleWarning = "No job title found";

    /// <summary>Reads an uploaded file. Throws <see cref="InputException"/> for empty, unreadable or oversized files and for text with no position in it.</summary>
    public Posting Read(byte[] bytes, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var content = documents.Read(bytes, fileName, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Read(content);
    }

    /// <summary>Reads text someone pasted in.</summary>
    public Posting ReadText(string pastedText)
    {
        if (string.IsNullOrWhiteSpace(pastedText))
            throw new InputException("The posting text is empty. Paste the full job posting.");
        return Read(new DocumentContent(Format.PlainText, pastedText));
    }

    public Posting Read(DocumentContent content) => Read(content, trace: null);

    /// <summary>
    /// A requirement made from one line of a posting with the facts the reader finds in it (years, degree, category),
    /// for a line someone promotes from "not scored". Its key is empty: whoever stores it gives it the next free one.
    /// </summary>
    public static Requirement RequirementFrom(string text, RequirementKind kind)
    {
        var requirement = new RequirementFactory().Add(text, inPreferredSection: kind == RequirementKind.Preferred)
            ?? throw new InputException("The line is empty, so there is nothing to score.");
        return requirement with { Id = "", Kind = kind };
    }

    /// <summary>Reads an uploaded file and says, for each line of it, where it went and why.</summary>
    public PostingReading Explain(byte[] bytes, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var trace = new List<LineReading>();
        var posting = Read(documents.Read(bytes, fileName, cancellationToken), trace);
        return new PostingReading(posting, trace);
    }

    private static Posting Read(DocumentContent content, List<LineReading>? trace)
    {
        ArgumentNullException.ThrowIfNull(content);
        var source = content.Markup ?? content.Text;
        var posting = Sniff(content.Format, source) switch
        {
            Format.Html => HtmlPostingReader.Read(source, trace),
            Format.Json => ReadJson(source, trace),
            _ => TextPostingReader.Read(content.Text, trace: trace),
        };
        return Checked(posting);
    }

    /// <summary>Text files often hold HTML or JSON-LD (saved pages, exports); the content decides.</summary>
    private static Format Sniff(Format declared, string text) =>
        declared is Format.PlainText or Format.Markdown && TextFormatClassifier.Sniff(text) is var sniffed and (Format.Html or Format.Json)
            ? sniffed
            : declared;

    private static Posting ReadJson(string json, List<LineReading>? trace) =>
        JsonLdPostingReader.FindJobPosting(json) is { } job
            ? JsonLdPostingReader.Read(job, trace: trace)
            : throw new InputException("The JSON holds no schema.org JobPosting. Use a JobPosting JSON-LD file or the posting's text.");

    private static Posting Checked(Posting posting)
    {
        var positions = posting.Positions.Where(p => p.Requirements.Count > 0 || p.Responsibilities.Count > 0).ToList();
        if (positions.Count == 0)
            throw new InputException("No requirements or responsibilities could be read from this posting. Check that it is a job posting, or paste its text.");

        var warnings = posting.Warnings.ToList();
        string Fallback(int i) => positions.Count == 1 ? "Untitled position" : $"Position {i + 1}";
        var numbered = positions.Select((p, i) => string.IsNullOrWhiteSpace(p.Title) ? p with { Title = posting.Title ?? Fallback(i) } : p).ToList();
        if (positions.Any(p => string.IsNullOrWhiteSpace(p.Title)) && posting.Title is null)
            warnings.Add(positions.Count == 1
                ? $"{NoTitleWarning}, so the position is called \"Untitled position\". Rename it in the posting library, or add the title to the posting's text."
                : $"{NoTitleWarning}; positions are numbered instead. Add the title to the posting's text to name them.");
        var withoutRequirements = numbered.Where(p => p.Requirements.Count == 0).Select(p => p.Title).ToList();
        if (withoutRequirements.Count == 1)
            warnings.Add($"\"{withoutRequirements[0]}\" lists no requirements; its responsibilities are matched instead.");
        else if (withoutRequirements.Count > 1)
            warnings.Add($"{withoutRequirements.Count} positions list no requirements; their responsibilities are matched instead.");
        return posting with { Positions = numbered, Warnings = warnings };
    }
}
