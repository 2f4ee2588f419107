using Matcher.Core.Postings;

namespace Matcher.Core.Reports;

public enum MatchStatus { Met, Partial, Missing }

/// <summary>The fit of one CV to one position, requirement by requirement.</summary>
public sealed record MatchReport
{
    /// <summary>Overall fit, 0–100.</summary>
    public required double Score { get; init; }
    public required string Verdict { get; init; }
    public required int PositionIndex { get; init; }
    public required string PositionTitle { get; init; }

    /// <summary>True when the position lists no requirements and responsibilities were matched instead.</summary>
    public bool MatchedResponsibilities { get; init; }

    /// <summary>Why the overall score was scaled for level (an internship for a non-student, over-qualification); null when the level fits.</summary>
    public string? LevelNote { get; init; }

    /// <summary>The factor the overall score was scaled by for level; 1 when the level fits.</summary>
    public double LevelFactor { get; init; } = 1.0;
    public required MatchSummary Summary { get; init; }
    public required IReadOnlyList<RequirementResult> Requirements { get; init; }
    public required MatchReceipt Receipt { get; init; }

    /// <summary>The signals the overall score is made of, with the points each adds; empty on reports made before they existed.</summary>
    public IReadOnlyList<Matching.Signals.FitSignal> Signals { get; init; } = [];

    /// <summary>Why the score was held down by a missing must-have; null when it was not.</summary>
    public string? CapNote { get; init; }

    /// <summary>
    /// The fit model's raw fit (intercept plus points) before its scale and the must-have cap, so a reader can see
    /// where the scale put it; null on reports made before the scale.
    /// </summary>
    public double? RawFit { get; init; }

    /// <summary>The engine's own score when advisors have overridden requirements; null otherwise.</summary>
    public double? OriginalScore { get; init; }
}

public sealed record MatchSummary(int Met, int Partial, int Missing, KindCounts Required, KindCounts Preferred);

public sealed record KindCounts(int Met, int Partial, int Missing);

public sealed record RequirementResult
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required RequirementKind Kind { get; init; }
    public required RequirementCategory Category { get; init; }
    public required MatchStatus Status { get; init; }

    /// <summary>0–1.</summary>
    public required double Score { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public required string Reason { get; init; }
    public double Weight { get; init; } = 1.0;

    /// <summary>Set when an advisor changed the status; <see cref="Status"/> and <see cref="Score"/> then show the decision.</summary>
    public RequirementOverride? Override { get; init; }

    /// <summary>True when the requirement names something checkable (skill, tool, licence, degree, language, years).</summary>
    public bool Specific { get; init; }

    /// <summary>True when the requirement is a licence, certificate, degree or enrolment: a must-have that caps the score when missing.</summary>
    public bool Gate { get; init; }

    /// <summary>
    /// How close the requirement is to the job itself: its similarity to the position's title (0–1), or null when the
    /// position has no title. "Cash handling" is close to "Teller"; "strong communication skills" is close to any job.
    /// </summary>
    public double? Centrality { get; init; }
}

/// <summary>An advisor's change to one requirement, with what the engine said before.</summary>
public sealed record RequirementOverride(
    MatchStatus OriginalStatus, double OriginalScore, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A line quoted from the CV, with the section it came from.</summary>
/// <param name="Text">The CV's own words, whitespace closed up; an exact passage of its text.</param>
/// <param name="Start">Where the passage starts in the CV's extracted text (absent in reports made before quotes were located).</param>
/// <param name="Length">How many characters of the CV's text the passage spans.</param>
public sealed record Evidence(string Text, string Section, double Similarity, int? Start = null, int? Length = null);

/// <summary>Everything needed to reproduce a score.</summary>
public sealed record MatchReceipt
{
    public required string EngineVersion { get; init; }
    public required string EmbeddingModel { get; init; }
    public required IReadOnlyDictionary<string, double> Weights { get; init; }
    public required IReadOnlyDictionary<string, double> Thresholds { get; init; }
    public required string CvSha256 { get; init; }
    public required string PostingSha256 { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The fit model that combined the signals; null on receipts made before signals existed.</summary>
    public Matching.Signals.FitModel? Model { get; init; }
}
