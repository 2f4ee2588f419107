using System.Globalization;
using System.Text.Json;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Reads a schema.org <c>JobPosting</c> (alone, in an array or in an <c>@graph</c>). The description is
/// HTML and is read like any posting text; title, company, location, dates, salary and the structured
/// experience and education requirements come from their own properties.
/// </summary>
internal static class JsonLdPostingReader
{
    private const double MonthsPerYear = 12.0;

    /// <summary>JobPosting text properties read as sections of their own, under the heading that names them.</summary>
    private static readonly (string Heading, string Property)[] SectionProperties =
        [("Responsibilities", "responsibilities"), ("Qualifications", "qualifications"), ("Preferred qualifications", "preferredQualifications"), ("Skills", "skills")];

    /// <summary>The first JobPosting object in the JSON, or null when there is none or the JSON is invalid.</summary>
    public static JsonElement? FindJobPosting(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return Find(document.RootElement)?.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Posting Read(JsonElement job, string? fallbackText = null, List<LineReading>? trace = null)
    {
        // Each property is normalised on its own: one may be HTML and another plain text with line breaks.
        var parts = new List<string> { TextNormalizer.Normalize(Text(job, "description") ?? fallbackText ?? "", HtmlPostingReader.Html) };
        foreach (var (heading, property) in SectionProperties)
            if (Text(job, property) is { } value)
                parts.Add(heading + "\n" + TextNormalizer.Normalize(value, HtmlPostingReader.Html));
        var posting = TextPostingReader.Read(string.Join("\n\n", parts), trace: trace);

        var title = Text(job, "title") ?? posting.Title;
        var details = new Dictionary<string, string>(posting.Details);
        var position = posting.Positions[0];
        var requirements = new RequirementFactory(position.Requirements);

        if (Number(job, "experienceRequirements", "monthsOfExperience") is { } months)
        {
            var years = Math.Round(months / MonthsPerYear, 2);
            details["Experience (months)"] = months.ToString(CultureInfo.InvariantCulture);
            requirements.AddStructured($"At least {years.ToString(CultureInfo.InvariantCulture)} years of experience", years, null);
        }
        var education = Text(job, "educationRequirements", "credentialCategory") ?? Text(job, "educationRequirements");
        if (education is not null)
        {
            details["Education"] = education;
            if (QualificationFacts.MinDegree(education) is { } degree)
                requirements.AddStructured(char.ToUpperInvariant(education[0]) + education[1..], null, degree);
        }

        return posting with
        {
            Title = title,
            Company = Text(job, "hiringOrganization", "name") ?? Text(job, "hiringOrganization") ?? posting.Company,
            Location = Location(job) ?? posting.Location,
            EmploymentType = EmploymentType(job) ?? posting.EmploymentType,
            DatePosted = Date(job, "datePosted"),
            ValidThrough = Date(job, "validThrough"),
            Salary = Salary(job, "baseSalary") ?? Salary(job, "estimatedSalary"),
            Details = details,
            Positions = [position with { Title = title ?? position.Title, Requirements = requirements.Requirements }],
        };
    }

    private static JsonElement? Find(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    if (Find(item) is { } found)
                        return found;
                return null;
            case JsonValueKind.Object:
                if (IsJobPosting(element))
                    return element;
                return element.TryGetProperty("@graph", out var graph) ? Find(graph) : null;
            default:
                return null;
        }
    }

    private static bool IsJobPosting(JsonElement element) =>
        element.TryGetProperty("@type", out var type)
        && (type.ValueKind == JsonValueKind.String && type.GetString() == "JobPosting"
            || type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "JobPosting"));

    private static JsonElement? Property(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind == JsonValueKind.Array)
                element = element.EnumerateArray().FirstOrDefault();
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return null;
        }
        return element;
    }

    private static string? Text(JsonElement element, params string[] path) =>
        Property(element, path) is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static double? Number(JsonElement element, params string[] path) => Property(element, path) switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static DateOnly? Date(JsonElement job, string name) =>
        Text(job, name) is { Length: >= 10 } text
        && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string? EmploymentType(JsonElement job) => Property(job, "employmentType") switch
    {
        { ValueKind: JsonValueKind.String } s => PostingFacts.Display(s.GetString()!),
        { ValueKind: JsonValueKind.Array } a => string.Join(", ", a.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => PostingFacts.Display(t.GetString()!))),
        _ => null,
    };

    private static string? Location(JsonElement job)
    {
        var parts = new[] { "addressLocality", "addressRegion", "addressCountry" }
            .Select(p => Text(job, "jobLocation", "address", p) ?? Text(job, "jobLocation", "address", p, "name"))
            .Where(p => p is not null)
            .ToList();
        var place = parts.Count > 0 ? string.Join(", ", parts) : Text(job, "jobLocation", "address") ?? Text(job, "jobLocation", "name");
        var remote = Text(job, "jobLocationType") == "TELECOMMUTE";
        return remote ? place is null ? "Remote" : $"{place} (remote possible)" : place;
    }

    private static Salary? Salary(JsonElement job, string name)
    {
        if (Property(job, name) is not { ValueKind: JsonValueKind.Object } salary)
            return null;
        var single = Number(salary, "value", "value") ?? Number(salary, "value");
        var min = Number(salary, "value", "minValue") ?? single;
        var max = Number(salary, "value", "maxValue") ?? single;
        var period = Text(salary, "value", "unitText")?.ToLowerInvariant();
        return min is null && max is null ? null : new Salary(Text(salary, "currency"), (decimal?)min, (decimal?)max, period);
    }
}
