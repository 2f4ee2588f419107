namespace Matcher.Core.Postings;

/// <summary>A job posting as Matcher reads it: shared facts plus one or more positions.</summary>
public sealed record Posting
{
    public string? Title { get; init; }
    public string? Company { get; init; }
    public string? Location { get; init; }
    public string? EmploymentType { get; init; }
    public DateOnly? DatePosted { get; init; }
    public DateOnly? ValidThrough { get; init; }
    public Salary? Salary { get; init; }

    /// <summary>Posting-wide facts that are not requirements: internship period, allowance, selection process…</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>Company marketing and similar text kept aside, never matched against.</summary>
    public string? AboutCompany { get; init; }

    public required IReadOnlyList<Position> Positions { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record Salary(string? Currency, decimal? Min, decimal? Max, string? Period);

public sealed record Position
{
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Responsibilities { get; init; } = [];
    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    /// <summary>Position-level facts such as the product area of an internship.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

public sealed record Requirement
{
    /// <summary>Stable within a position ("r1", "r2"…), so reports and overrides can point at it.</summary>
    public required string Id { get; init; }
    public required string Text { get; init; }
    public RequirementKind Kind { get; init; } = RequirementKind.Required;
    public RequirementCategory Category { get; init; } = RequirementCategory.Other;

    /// <summary>Minimum years of experience the requirement states, if any.</summary>
    public double? MinYears { get; init; }

    /// <summary>Minimum degree level the requirement states, if any.</summary>
    public DegreeLevel? Degree { get; init; }

    /// <summary>True when the text accepts "equivalent experience" in place of the degree.</summary>
    public bool EquivalentExperienceAccepted { get; init; }

    /// <summary>Relative weight inside its kind; users may edit it.</summary>
    public double Weight { get; init; } = 1.0;
}

public enum RequirementKind { Required, Preferred }

public enum RequirementCategory { Skill, Experience, Education, Language, SoftSkill, Other }

/// <summary>Ordered so that comparisons mean "at least".</summary>
public enum DegreeLevel { None = 0, Associate = 1, Bachelor = 2, Master = 3, PhD = 4 }
