using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services;

/// <summary>The advisor's running notes for a session: one text, saved as it is typed.</summary>
public sealed class SessionNotes(IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, TimeProvider clock)
{
    public async Task<string> GetAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notes
            .Where(n => n.SessionId == sessionId && n.OwnerId == user.Id)
            .Select(n => n.Text)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    /// <returns>When the note was saved; null when the session is not the caller's.</returns>
    public async Task<DateTimeOffset?> SaveAsync(Guid sessionId, string text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.OwnerId == user.Id, cancellationToken))
            return null;
        var now = clock.GetUtcNow();
        var note = await db.Notes.FirstOrDefaultAsync(n => n.SessionId == sessionId && n.OwnerId == user.Id, cancellationToken);
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
