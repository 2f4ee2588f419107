using Microsoft.AspNetCore.Identity;

namespace Matcher.Data.Entities;

/// <summary>A person who signs in. Their id is the <c>OwnerId</c> of everything they create.</summary>
public sealed class MatcherUser : IdentityUser
{
    /// <summary>The name other people see next to notes, overrides and shares.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Coordinators in the same team see each other's shared postings and rankings.</summary>
    public string? Team { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A candidate's session opened to one advisor. Created either for a known advisor's e-mail or as an
/// invitation link (only the token's hash is stored) that binds to the first advisor who accepts it.
/// </summary>
public sealed class SessionShareEntity : IOwned
{
    public Guid Id { get; set; }

    /// <summary>The candidate who shares.</summary>
    public required string OwnerId { get; set; }
    public Guid SessionId { get; set; }

    /// <summary>The advisor who has access; null until an invitation is accepted.</summary>
    public string? AdvisorId { get; set; }
    public string? AdvisorEmail { get; set; }
    public string? TokenSha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Who did what, when: sign-ins, shares, overrides, exports and deletions. Read by admins.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The acting user's id; rewritten to an anonymous marker when that user deletes their data.</summary>
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }

    /// <summary>What was acted on, e.g. <c>session:3f2a…</c>; never personal text.</summary>
    public string? Subject { get; set; }
    public string? Details { get; set; }
}
