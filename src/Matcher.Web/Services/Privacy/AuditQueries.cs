using Matcher.Core.Users;
using Matcher.Data;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Privacy;

public sealed record AuditEntry(long Id, DateTimeOffset At, string? ActorId, string ActorName, string Action, string? Subject, string? Details);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);

/// <summary>Filters for the audit log; empty values match everything.</summary>
public sealed record AuditFilter(string? Action = null, string? Actor = null);

/// <summary>Reads the audit log for administrators, newest first.</summary>
public sealed class AuditQueries(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user)
{
    public async Task<AuditPage> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureAdminAsync(db, cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToUpperInvariant();
            query = query.Where(a => a.ActorName.ToUpper().Contains(actor) || (a.ActorId != null && a.ActorId.ToUpper() == actor));
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(a => new AuditEntry(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.Subject, a.Details))
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }

    /// <summary>The actions that occur in the log, for the filter.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureAdminAsync(db, cancellationToken);
        return await db.AuditLog.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    // The page is admin-only too; the check here keeps the log closed to any other caller, and to an open
    // page whose administrator role was taken away since it opened.
    private async Task EnsureAdminAsync(MatcherDbContext db, CancellationToken cancellationToken)
    {
        if (!await StoredRoles.HoldsAsync(db, user, Roles.Admin, cancellationToken))
            throw new UnauthorizedAccessException("Only administrators can read the audit log.");
    }
}
