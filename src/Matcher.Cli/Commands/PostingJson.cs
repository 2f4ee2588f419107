using Matcher.Core.Postings;

namespace Matcher.Cli.Commands;

/// <summary>
/// The documented JSON shape of <c>matcher posting parse --json</c>. Enum values are camelCase strings:
/// kind "required"/"preferred"; category "skill", "experience", "education", "language", "softSkill", "other";
/// degree "associate", "bachelor", "master", "phD". <c>notScored</c> lists the lines kept visible but never
/// scored, with the reason; <c>lines</c> says for each line of the text where it went ("requirement r3 (required)",
/// "responsibility", "summary", "posting field: Location", "not scored: equal opportunity") and why.
/// </summary>
internal sealed record PostingJson(
    string? Title, string? Company, string? Location, string? EmploymentType, DateOnly? DatePosted, DateOnly? ValidThrough,
    SalaryJson? Salary, IReadOnlyDictionary<string, string> Details, string? AboutCompany,
    IReadOnlyList<PositionJson> Positions, IReadOnlyList<string> Warnings,
    IReadOnlyList<NotScoredJson> NotScored, IReadOnlyList<LineReading>? Lines)
{
    public static PostingJson From(PostingReading reading) => From(reading.Posting) with { Lines = reading.Lines };

    public static PostingJson From(Posting posting) => new(
        posting.Title, posting.Company, posting.Location, posting.EmploymentType, posting.DatePosted, posting.ValidThrough,
        posting.Salary is { } s ? new SalaryJson(s.Currency, s.Min, s.Max, s.Period) : null,
        posting.Details, posting.AboutCompany,
        posting.Positions.Select(p => new PositionJson(
            p.Title, p.Summary, p.Responsibilities,
            p.Requirements.Select(r => new RequirementJson(r.Id, r.Text, r.Kind, r.Category, r.MinYears, r.Degree,
                r.Degree is null ? null : r.EquivalentExperienceAccepted)).ToList(),
            p.Details)).ToList(),
        posting.Warnings,
        posting.NotScored.Select(l => new NotScoredJson(l.Text, l.Why, l.IsCondition, l.Heading)).ToList(),
        null);
}

/// <summary>A line shown but never scored: its text, the reason in words, whether it is a condition of the job, and its heading.</summary>
internal sealed record NotScoredJson(string Text, string Reason, bool Condition, string? Heading);

internal sealed record SalaryJson(string? Currency, decimal? Min, decimal? Max, string? Period);

internal sealed record PositionJson(
    string Title, string? Summary, IReadOnlyList<string> Responsibilities, IReadOnlyList<RequirementJson> Requirements,
    IReadOnlyDictionary<string, string> Details);

internal sealed record RequirementJson(
    string Id, string Text, RequirementKind Kind, RequirementCategory Category, double? MinYears, DegreeLevel? Degree,
    bool? EquivalentExperienceAccepted);
