namespace Matcher.Data.Entities;

/// <summary>Rows that belong to somebody. Every owned row carries its owner from day one.</summary>
public interface IOwned
{
    string OwnerId { get; set; }
}

public sealed class PostingEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Title { get; set; }
    public string? Company { get; set; }
    public string? Location { get; set; }
    public string? SourceName { get; set; }

    /// <summary>The text as supplied, so a posting can be re-read when the reader improves.</summary>
    public required string SourceText { get; set; }

    /// <summary>Posting-wide facts (salary, dates, details, warnings) as JSON; positions live in their own rows.</summary>
    public required string FactsJson { get; set; }

    /// <summary>Visible to the other coordinators of the owner's team.</summary>
    public bool SharedWithTeam { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PositionEntity> Positions { get; set; } = [];
}

public sealed class PositionEntity
{
    public Guid Id { get; set; }
    public Guid PostingId { get; set; }
    public int Index { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string ResponsibilitiesJson { get; set; } = "[]";
    public string DetailsJson { get; set; } = "{}";
    public List<RequirementEntity> Requirements { get; set; } = [];
}

public sealed class RequirementEntity
{
    public Guid Id { get; set; }
    public Guid PositionId { get; set; }
    public int Order { get; set; }
    public required string Key { get; set; }
    public required string Text { get; set; }
    public required string Kind { get; set; }
    public required string Category { get; set; }
    public double? MinYears { get; set; }
    public string? Degree { get; set; }
    public bool EquivalentExperienceAccepted { get; set; }
    public double Weight { get; set; } = 1.0;
}

public sealed class CvEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public Guid? SessionId { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }

    /// <summary>
    /// The key of the uploaded file, byte for byte, in the file store (<see cref="Files.FileStore"/>), so it stays
    /// downloadable. The same file uploaded by two people is stored once.
    /// </summary>
    public string? FileSha256 { get; set; }

    /// <summary>Only on rows saved before originals moved to the file store; the start-up step moves them there and clears it.</summary>
    public byte[]? OriginalFile { get; set; }
    public required string Sha256 { get; set; }
    public required string Text { get; set; }

    /// <summary>The parsed CV (sections, roles, skills) as JSON; users may correct it.</summary>
    public required string ParsedJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MatchSessionEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<CvEntity> Cvs { get; set; } = [];
    public List<ReportEntity> Reports { get; set; } = [];
    public List<NoteEntity> Notes { get; set; } = [];
}

public sealed class ReportEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public Guid SessionId { get; set; }
    public Guid CvId { get; set; }
    public Guid PostingId { get; set; }
    public int PositionIndex { get; set; }
    public required string PositionTitle { get; set; }
    public double Score { get; set; }

    /// <summary>The full <c>MatchReport</c> as JSON, receipt included.</summary>
    public required string ReportJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class NoteEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public Guid SessionId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One embedded text. Keyed by model and text hash so vectors of different models never mix and the
/// same line is embedded once, whichever CV or posting it came from.
/// </summary>
public sealed class EmbeddingCacheEntry
{
    public required string ModelId { get; set; }
    public required string TextSha256 { get; set; }
    public int Dimensions { get; set; }

    /// <summary>On SQLite stored as little-endian float32 bytes, on PostgreSQL as <c>real[]</c>.</summary>
    public required float[] Vector { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An advisor's decision on one requirement of a report. The report itself is never rewritten: the
/// original status and score stay in the report, and who changed what, when and why stays here.
/// </summary>
public sealed class ReportOverrideEntity : IOwned
{
    public Guid Id { get; set; }
    public required string OwnerId { get; set; }
    public Guid ReportId { get; set; }
    public required string RequirementId { get; set; }
    public required string Status { get; set; }
    public required string Reason { get; set; }

    /// <summary>Who made the change, as shown to other readers of the report.</summary>
    public required string ChangedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
