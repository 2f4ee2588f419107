using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Sessions;

/// <summary>
/// Each person's running notes on a session they can see: one text per person, saved as it is typed and
/// private to its author.
/// </summary>
public sealed class SessionNotes(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, AccessScope access, TimeProvider clock)
{
    public async Task<string> GetAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await access.Owned<NoteEntity>(db)
            .Where(n => n.SessionId == sessionId)
            .Select(n => n.Text)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    /// <returns>When the note was saved; null when the caller cannot see the session.</returns>
    public async Task<DateTimeOffset?> SaveAsync(Guid sessionId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await access.VisibleSessionIds(db).ContainsAsync(sessionId, cancellationToken))
            return null;
        var now = clock.GetUtcNow();
        var note = await access.Owned<NoteEntity>(db).FirstOrDefaultAsync(n => n.SessionId == sessionId, cancellationToken);
        if (note is null)
            db.Notes.Add(new NoteEntity { Id = Guid.NewGuid(), OwnerId = user.Id, SessionId = sessionId, Text = text, CreatedAt = now, UpdatedAt = now });
        else
        {
            note.Text = text;
            note.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return now;
    }
}
