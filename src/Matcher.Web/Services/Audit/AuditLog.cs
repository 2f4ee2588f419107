using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Audit;

/// <summary>The actions the audit log records. Kept as constants so the admin page can filter by them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string Registered = "registered";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string UserCreated = "user-created";
    public const string RolesChanged = "roles-changed";
    public const string ShareCreated = "share-created";
    public const string ShareAccepted = "share-accepted";
    public const string ShareRevoked = "share-revoked";
    public const string Override = "override";
    public const string Export = "export";
    public const string Deletion = "deletion";
    public const string RetentionDeletion = "retention-deletion";
}

/// <summary>Appends to the audit log. Entries are written in their own context so a failed action still leaves its trace.</summary>
public sealed class AuditLog(IDbContextFactory<MatcherDbContext> dbFactory, TimeProvider clock)
{
    public Task RecordAsync(ICurrentUser actor, string action, string? subject = null, string? details = null, CancellationToken cancellationToken = default) =>
        RecordAsync(actor.Id, actor.DisplayName, action, subject, details, cancellationToken);

    public async Task RecordAsync(string? actorId, string actorName, string action, string? subject = null, string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntryEntity
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            Subject = subject,
            Details = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
