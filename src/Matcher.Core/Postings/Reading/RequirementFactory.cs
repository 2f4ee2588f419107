namespace Matcher.Core.Postings.Reading;

/// <summary>Builds requirements with stable ids ("r1", "r2"… in reading order) and their structured facts.</summary>
internal sealed class RequirementFactory
{
    private readonly List<Requirement> requirements;

    public RequirementFactory(IEnumerable<Requirement>? existing = null) => requirements = existing?.ToList() ?? [];

    public IReadOnlyList<Requirement> Requirements => requirements;

    /// <summary>Adds a requirement and returns it, or null when the text is empty or already listed.</summary>
    public Requirement? Add(string text, bool inPreferredSection)
    {
        var clean = text.Trim().TrimEnd(';').Trim();
        if (clean.Length == 0 || requirements.Any(r => r.Text.Equals(clean, StringComparison.OrdinalIgnoreCase)))
            return null;
        var years = QualificationFacts.MinYears(clean);
        var degree = QualificationFacts.MinDegree(clean);
        var requirement = new Requirement
        {
            Id = $"r{requirements.Count + 1}",
            Text = clean,
            Kind = RequirementClassifier.Kind(clean, inPreferredSection),
            Category = RequirementClassifier.Category(clean, years, degree),
            MinYears = years,
            Degree = degree,
            EquivalentExperienceAccepted = degree is not null && QualificationFacts.AcceptsEquivalentExperience(clean),
        };
        requirements.Add(requirement);
        return requirement;
    }

    /// <summary>Adds a requirement stated only as structured data (JSON-LD), unless the text already states one like it.</summary>
    public void AddStructured(string text, double? minYears, DegreeLevel? degree)
    {
        if (minYears is not null && requirements.Any(r => r.MinYears is not null))
            return;
        if (degree is not null && requirements.Any(r => r.Degree is not null))
            return;
        requirements.Add(new Requirement
        {
            Id = $"r{requirements.Count + 1}",
            Text = text,
            Kind = RequirementKind.Required,
            Category = minYears is not null ? RequirementCategory.Experience : RequirementCategory.Education,
            MinYears = minYears,
            Degree = degree,
        });
    }
}
