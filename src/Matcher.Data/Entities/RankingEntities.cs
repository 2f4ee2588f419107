using Matcher.Core.Ranking;

namespace Matcher.Data.Entities;

/// <summary>A batch of applicants ranked against one position or all positions of a saved posting.</summary>
public sealed class RankingJobEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public Guid PostingId { get; set; }

    /// <summary>Zero-based position indexes ranked, as JSON, in column order.</summary>
    public required string PositionsJson { get; set; }
    public RankingJobStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public bool Blind { get; set; }

    /// <summary>Visible to the other coordinators of the owner's team.</summary>
    public bool SharedWithTeam { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Seconds spent scoring, summed over runs, so a resumed job still estimates from real work only.</summary>
    public double WorkSeconds { get; set; }
    public List<RankingApplicantEntity> Applicants { get; set; } = [];
}

/// <summary>One applicant's CV in a ranking job, and once processed, its reports; committed one by one.</summary>
public sealed class RankingApplicantEntity
{
    public Guid Id { get; set; }
    public Guid JobId { get; set; }

    /// <summary>1-based, by file name: "Candidate 7" stays the same person in every view and export.</summary>
    public int Number { get; set; }
    public required string FileName { get; set; }

    /// <summary>The key of the CV file in the file store; null for a file refused on upload, whose bytes are not kept.</summary>
    public string? FileSha256 { get; set; }

    /// <summary>Only on rows saved before originals moved to the file store; the start-up step moves them there and clears it.</summary>
    public byte[]? OriginalFile { get; set; }
    public bool Processed { get; set; }
    public string? Name { get; set; }

    /// <summary>Name, e-mail, phone and links as read from the CV, as JSON; hidden in blind review.</summary>
    public string? ContactJson { get; set; }
    public string? Error { get; set; }
    public string? WarningsJson { get; set; }
    public double? YearsExperience { get; set; }
    public string? Degree { get; set; }

    /// <summary>One <c>MatchReport</c> (or null) per ranked position, in the job's column order, as JSON.</summary>
    public string? ReportsJson { get; set; }
    public double? BestScore { get; set; }
    public ApplicantDecision Decision { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>
    /// On a shared store, the app instance that took this applicant from the queue (and, once processed, ranked it).
    /// Unused on SQLite, where one process works the queue.
    /// </summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; after that another instance may take the applicant, as its claimer is presumed gone.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>
    /// SHA-256 of the CV's text with case and spacing folded, so the same CV sent twice (also as PDF and as DOCX)
    /// can be flagged as one person. Null until read, or when the CV could not be read.
    /// </summary>
    public string? TextSha256 { get; set; }
}
