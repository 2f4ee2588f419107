using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services;

/// <summary>Records advisors' overrides of requirement statuses; the report row itself is never rewritten.</summary>
public sealed class ReportOverrides(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, TimeProvider clock, ILogger<ReportOverrides> logger)
{
    public async Task SaveAsync(Guid reportId, string requirementId, MatchStatus status, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new InputException("Say why you change this requirement's status; the reason is kept with the report.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Reports.AnyAsync(r => r.Id == reportId && r.OwnerId == user.Id, cancellationToken))
            throw new InputException("This report no longer exists or is not yours.");
        db.ReportOverrides.Add(new ReportOverrideEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            ReportId = reportId,
            RequirementId = requirementId,
            Status = status.ToString(),
            Reason = reason.Trim(),
            ChangedBy = user.Id,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Override on report {ReportId}, requirement {RequirementId}: {Status} by {User}", reportId, requirementId, status, user.Id);
    }

    public static async Task<IReadOnlyList<OverrideDecision>> LoadAsync(MatcherDbContext db, Guid reportId, string ownerId, CancellationToken cancellationToken)
    {
        var rows = await db.ReportOverrides.AsNoTracking()
            .Where(o => o.ReportId == reportId && o.OwnerId == ownerId)
            .ToListAsync(cancellationToken);
        return rows.Select(o => new OverrideDecision(o.RequirementId, Enum.Parse<MatchStatus>(o.Status), o.Reason, o.ChangedBy, o.CreatedAt)).ToList();
    }
}
