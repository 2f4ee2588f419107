using Matcher.Core.Documents;
using Matcher.Core.Reports;
using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Sessions;

/// <summary>Records advisors' overrides of requirement statuses; the report row itself is never rewritten.</summary>
public sealed class ReportOverrides(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, AccessScope access, Audit.AuditLog audit, TimeProvider clock, ILogger<ReportOverrides> logger)
{
    public async Task SaveAsync(Guid reportId, string requirementId, MatchStatus status, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new InputException("Say why you change this requirement's status; the reason is kept with the report.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await access.MayAdviseNowAsync(db, cancellationToken))
            throw new ForbiddenException("Only advisors can change a requirement's status. Your advisor can do it in a session you share with them.");
        if (!await access.Visible<ReportEntity>(db).AnyAsync(r => r.Id == reportId, cancellationToken))
            throw new NotFoundException("This report no longer exists or is no longer shared with you.");
        db.ReportOverrides.Add(new ReportOverrideEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            ReportId = reportId,
            RequirementId = requirementId,
            Status = status.ToString(),
            Reason = reason.Trim(),
            ChangedBy = user.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(user, Audit.AuditActions.Override, $"report:{reportId}", $"{requirementId} → {status}", cancellationToken);
        logger.LogInformation("Override on report {ReportId}, requirement {RequirementId}: {Status} by {User}", reportId, requirementId, status, user.Id);
    }

    /// <summary>
    /// Every decision on a report, whoever made it: the candidate sees their advisor's changes. For a report the
    /// caller has already found visible (see <see cref="AccessScope.Visible{T}"/>).
    /// </summary>
    public static async Task<IReadOnlyList<OverrideDecision>> LoadAsync(MatcherDbContext db, Guid reportId, CancellationToken cancellationToken)
    {
        var rows = await db.ReportOverrides.AsNoTracking()
            .Where(o => o.ReportId == reportId)
            .ToListAsync(cancellationToken);
        return rows.Select(o => new OverrideDecision(o.RequirementId, Enum.Parse<MatchStatus>(o.Status), o.Reason, o.ChangedBy, o.CreatedAt)).ToList();
    }
}
