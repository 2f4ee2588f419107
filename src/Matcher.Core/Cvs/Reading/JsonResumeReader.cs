using System.Text.Json;
using Matcher.Core.Text;

namespace Matcher.Core.Cvs.Reading;

/// <summary>Reads a CV written in the JSON Resume schema v1 (basics, work, education, skills, languages, ...).</summary>
public static class JsonResumeReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>True when the JSON has the top-level members of a JSON Resume.</summary>
    public static bool IsJsonResume(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && (doc.RootElement.TryGetProperty("basics", out _) || doc.RootElement.TryGetProperty("work", out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <returns>The CV, without <see cref="CvDocument.TotalYearsExperience"/> (the caller computes it).</returns>
    public static CvDocument Read(string json)
    {
        using var doc = JsonDocument.Parse(json, Options);
        var root = doc.RootElement;
        var basics = Get(root, "basics");

        var links = new List<string>();
        if (Str(basics, "url") is { } url) links.Add(url);
        foreach (var profile in Array(basics, "profiles"))
            if (Str(profile, "url") is { } p && !links.Contains(p)) links.Add(p);

        var experience = Array(root, "work").Concat(Array(root, "volunteer")).Select(w => new Role
        {
            Title = Str(w, "position"),
            Organization = Str(w, "name") ?? Str(w, "company") ?? Str(w, "organization"),
            Start = Date(Str(w, "startDate")),
            End = Date(Str(w, "endDate")),
            IsCurrent = Str(w, "startDate") is not null && Str(w, "endDate") is null,
            Bullets = [.. new[] { Str(w, "summary") }.OfType<string>(), .. Strings(w, "highlights")],
        }).ToList();

        var education = Array(root, "education").Select(e =>
        {
            var studyType = Str(e, "studyType");
            return new EducationEntry
            {
                Degree = studyType,
                Level = studyType is null ? null : DegreeVocabulary.Default.Find(studyType, inEducation: true)?.Level,
                Field = Str(e, "area"),
                Institution = Str(e, "institution"),
                EndYear = Date(Str(e, "endDate"))?.Year,
            };
        }).ToList();

        var skills = ListSplitter.Split(Array(root, "skills")
            .SelectMany(s => Strings(s, "keywords") is { Count: > 0 } keywords ? keywords : [.. new[] { Str(s, "name") }.OfType<string>()])
            .Select(k => new CvLine(k, false)));

        var languages = Array(root, "languages")
            .Select(l => (Name: Str(l, "language"), Fluency: Str(l, "fluency")))
            .Where(l => l.Name is not null)
            .Select(l => l.Fluency is null ? l.Name! : $"{l.Name} ({l.Fluency})")
            .ToList();

        return new CvDocument
        {
            Contact = new ContactDetails { Name = Str(basics, "name"), Email = Str(basics, "email"), Phone = Str(basics, "phone"), Links = links },
            Summary = Str(basics, "summary"),
            Experience = experience,
            Education = education,
            Skills = skills,
            Projects = Items(root, "projects", "name", "description"),
            Publications = Items(root, "publications", "name", "publisher"),
            Certifications = Items(root, "certificates", "name", "issuer"),
            Languages = languages,
            Text = JsonText.Flatten(root),
        };
    }

    private static List<string> Items(JsonElement root, string array, string name, string detail) =>
        Array(root, array)
            .Select(e => (Name: Str(e, name), Detail: Str(e, detail)))
            .Where(e => e.Name is not null)
            .Select(e => e.Detail is null ? e.Name! : $"{e.Name} — {e.Detail}")
            .ToList();

    /// <summary>JSON Resume dates are ISO 8601 prefixes: "2021", "2021-03" or "2021-03-01".</summary>
    private static YearMonth? Date(string? value) =>
        value is { Length: >= 4 } && int.TryParse(value[..4], out var year)
            ? new YearMonth(year, value.Length >= 7 && int.TryParse(value[5..7], out var month) && month is >= 1 and <= 12 ? month : 1)
            : null;

    private static JsonElement Get(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    private static string? Str(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.String } v && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray().ToList() : [];

    private static List<string> Strings(JsonElement e, string name) =>
        Array(e, name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Where(s => s.Length > 0).ToList();
}
