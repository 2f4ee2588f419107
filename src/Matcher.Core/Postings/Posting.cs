using System.Text.Json.Serialization;

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

    /// <summary>
    /// Lines of the posting that are shown but never scored (equal-opportunity text, benefits, how to apply,
    /// physical demands…), each with its reason, so a user can see them and promote one back to a requirement.
    /// </summary>
    public IReadOnlyList<NotScoredLine> NotScored { get; init; } = [];
}

/// <summary>A line of a posting that is kept visible but never scored.</summary>
public sealed record NotScoredLine(string Text, NotScoredReason Reason)
{
    /// <summary>The heading the line sat under, if any.</summary>
    public string? Heading { get; init; }

    /// <summary>Physical demands, working conditions and schedule: conditions of the job rather than qualifications.</summary>
    [JsonIgnore]
    public bool IsCondition => Reason is NotScoredReason.PhysicalDemands or NotScoredReason.WorkingConditions or NotScoredReason.Schedule;

    /// <summary>The reason in words: "equal opportunity", "benefits", "how to apply"…</summary>
    [JsonIgnore]
    public string Why => Describe(Reason);

    public static string Describe(NotScoredReason reason) => reason switch
    {
        NotScoredReason.EqualOpportunity => "equal opportunity",
        NotScoredReason.Accommodation => "accommodation",
        NotScoredReason.WorkAuthorisation => "work authorisation",
        NotScoredReason.BackgroundCheck => "background check or drug test",
        NotScoredReason.Benefits => "benefits",
        NotScoredReason.Compensation => "pay",
        NotScoredReason.AboutCompany => "about the company",
        NotScoredReason.CompanyCommitment => "company mission, sponsorship or community work",
        NotScoredReason.Privacy => "privacy notice",
        NotScoredReason.Legal => "legal notice",
        NotScoredReason.HowToApply => "how to apply",
        NotScoredReason.Navigation => "page navigation or job-board text",
        NotScoredReason.RecruiterNote => "recruiter note",
        NotScoredReason.Signature => "signature",
        NotScoredReason.AdditionalInformation => "additional information",
        NotScoredReason.PhysicalDemands => "condition: physical demands",
        NotScoredReason.WorkingConditions => "condition: working conditions",
        NotScoredReason.Schedule => "condition: schedule",
        NotScoredReason.PostingDetail => "posting detail",
        NotScoredReason.LeadIn => "introduces a list",
        NotScoredReason.NothingStated => "nothing stated",
        NotScoredReason.CatchAllDuty => "catch-all duty, names no task",
        NotScoredReason.RolePurpose => "the aim of the role",
        _ => "other section",
    };
}

public enum NotScoredReason
{
    EqualOpportunity, Accommodation, WorkAuthorisation, BackgroundCheck, Benefits, Compensation, AboutCompany,
    CompanyCommitment, Privacy, Legal, HowToApply, Navigation, RecruiterNote, Signature, AdditionalInformation,
    PhysicalDemands, WorkingConditions, Schedule, PostingDetail, LeadIn, NothingStated, OtherSection, CatchAllDuty, RolePurpose,
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

/// <summary>Where one line (or list item) of a posting's text went when it was read, and why.</summary>
public sealed record LineReading(string Text, string Section, string Went, string Why);

/// <summary>A posting together with the account of how each of its lines was read.</summary>
public sealed record PostingReading(Posting Posting, IReadOnlyList<LineReading> Lines);
