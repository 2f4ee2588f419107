namespace Matcher.Core.Cvs;

/// <summary>A CV as Matcher reads it. Contact fields are personal data and hidden in blind review.</summary>
public sealed record CvDocument
{
    public ContactDetails Contact { get; init; } = new();
    public string? Summary { get; init; }
    public IReadOnlyList<Role> Experience { get; init; } = [];
    public IReadOnlyList<EducationEntry> Education { get; init; } = [];
    public IReadOnlyList<string> Skills { get; init; } = [];
    public IReadOnlyList<string> Projects { get; init; } = [];
    public IReadOnlyList<string> Publications { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> Certifications { get; init; } = [];

    /// <summary>Lines that belong to no recognised section, kept so nothing the CV says is lost to matching.</summary>
    public IReadOnlyList<string> Other { get; init; } = [];

    /// <summary>The normalised plain text the structure was read from.</summary>
    public required string Text { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Years covered by dated roles, overlapping periods counted once.</summary>
    public double TotalYearsExperience { get; init; }
}

public sealed record ContactDetails
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
}

public sealed record Role
{
    public string? Title { get; init; }
    public string? Organization { get; init; }
    public YearMonth? Start { get; init; }

    /// <summary>Null with <see cref="IsCurrent"/> false means the end is unknown.</summary>
    public YearMonth? End { get; init; }
    public bool IsCurrent { get; init; }
    public IReadOnlyList<string> Bullets { get; init; } = [];
}

public sealed record EducationEntry
{
    public string? Degree { get; init; }
    public Postings.DegreeLevel? Level { get; init; }
    public string? Field { get; init; }
    public string? Institution { get; init; }
    public int? EndYear { get; init; }
}

/// <summary>A month in a year: the precision CVs give dates in.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public int TotalMonths => Year * 12 + (Month - 1);

    public static YearMonth FromTotalMonths(int total) => new(total / 12, total % 12 + 1);

    public static YearMonth From(DateOnly date) => new(date.Year, date.Month);

    public int CompareTo(YearMonth other) => TotalMonths.CompareTo(other.TotalMonths);

    public static bool operator <(YearMonth a, YearMonth b) => a.TotalMonths < b.TotalMonths;
    public static bool operator >(YearMonth a, YearMonth b) => a.TotalMonths > b.TotalMonths;
    public static bool operator <=(YearMonth a, YearMonth b) => a.TotalMonths <= b.TotalMonths;
    public static bool operator >=(YearMonth a, YearMonth b) => a.TotalMonths >= b.TotalMonths;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
