using Matcher.Data;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Postings;

public sealed record PostingSummary(Guid Id, string Title, string? Company, string? Location, int Positions, int Requirements, DateTimeOffset CreatedAt, bool IsMine = true);

/// <summary>Reads the caller's posting library, with the postings their coordinator team shares.</summary>
public sealed class PostingQueries(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user)
{
    public async Task<IReadOnlyList<PostingSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var me = user.Id;
        var rows = await TeamScope.VisiblePostings(db, user)
            .Select(p => new
            {
                p.Id, p.Title, p.Company, p.Location, p.CreatedAt, IsMine = p.OwnerId == me,
                Positions = p.Positions.Count,
                Requirements = p.Positions.SelectMany(x => x.Requirements).Count(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new PostingSummary(p.Id, p.Title, p.Company, p.Location, p.Positions, p.Requirements, p.CreatedAt, p.IsMine))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> PositionTitlesAsync(Guid postingId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Positions
            .Where(p => p.PostingId == postingId && TeamScope.VisiblePostings(db, user).Any(x => x.Id == postingId))
            .OrderBy(p => p.Index)
            .Select(p => p.Title)
            .ToListAsync(cancellationToken);
    }
}
