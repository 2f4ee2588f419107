using Matcher.Core.Documents;
using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Naming;

namespace Matcher.Web.Services.Sessions;

/// <summary>
/// Sessions are named after the first CV and posting matched in them; their owner can give them a name of
/// their own ("Priya · interview practice"). Advisors a session is shared with read the name but do not change it.
/// </summary>
public sealed class SessionTitles(IDbContextFactory<MatcherDbContext> dbFactory, AccessScope access, TimeProvider clock, ILogger<SessionTitles> logger)
{
    public async Task<string> RenameAsync(Guid sessionId, string? title, CancellationToken cancellationToken = default)
    {
        var name = Titles.Clean(title, "Give the session a name, for example the candidate and what it is for.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await access.Editable<MatchSessionEntity>(db).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new NotFoundException("That session no longer exists, or it was shared with you: only its owner can rename it.");
        session.Title = name;
        session.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Renamed session {SessionId}", sessionId);
        return name;
    }
}
