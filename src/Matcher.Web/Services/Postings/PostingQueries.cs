using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Postings;

public sealed record PostingSummary(Guid Id, string Title, string? Company, string? Location, int Positions, int Requirements, DateTimeOffset CreatedAt, bool IsMine = true);

/// <summary>Reads the caller's posting library, with the postings their coordinator team shares.</summary>
public sealed class PostingQueries(IDbContextFactory<MatcherDbContext> dbFactory, AccessScope access)
{
    public async Task<IReadOnlyList<PostingSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await access.Visible<PostingEntity>(db)
            .Select(p => new
            {
                p.Id, p.Title, p.Company, p.Location, p.CreatedAt, p.OwnerId,
                Positions = p.Positions.Count,
                Requirements = p.Positions.SelectMany(x => x.Requirements).Count(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new PostingSummary(p.Id, p.Title, p.Company, p.Location, p.Positions, p.Requirements, p.CreatedAt, access.IsMine(p.OwnerId)))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> PositionTitlesAsync(Guid postingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = access.Visible<PostingEntity>(db);
        return await db.Positions
            .Where(p => p.PostingId == postingId && visible.Any(x => x.Id == postingId))
            .OrderBy(p => p.Index)
            .Select(p => p.Title)
            .ToListAsync(cancellationToken);
    }
}
