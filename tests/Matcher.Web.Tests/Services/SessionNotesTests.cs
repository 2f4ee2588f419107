using Matcher.Data.Entities;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Sessions;

namespace Matcher.Web.Tests.Services;

public sealed class SessionNotesTests : IDisposable
{
    private readonly SqliteStore _store = new();

    [Fact]
    public async Task A_saved_note_is_read_back_and_later_saves_replace_it()
    {
        var session = _store.AddSession("advisor-1");
        var notes = Notes("advisor-1");

        Assert.NotNull(await notes.SaveAsync(session, "First impressions", TestContext.Current.CancellationToken));
        Assert.NotNull(await notes.SaveAsync(session, "First impressions; strong on SQL", TestContext.Current.CancellationToken));

        var reread = Notes("advisor-1");
        Assert.Equal("First impressions; strong on SQL", await reread.GetAsync(session, TestContext.Current.CancellationToken));
        using var db = _store.CreateDbContext();
        Assert.Single(db.Notes.Where(n => n.SessionId == session));
    }

    [Fact]
    public async Task Someone_else_cannot_read_or_write_the_notes_of_a_session()
    {
        var session = _store.AddSession("advisor-1");
        await Notes("advisor-1").SaveAsync(session, "private", TestContext.Current.CancellationToken);

        var stranger = Notes("someone-else");

        Assert.Null(await stranger.SaveAsync(session, "overwritten", TestContext.Current.CancellationToken));
        Assert.Equal("", await stranger.GetAsync(session, TestContext.Current.CancellationToken));
        Assert.Equal("private", await Notes("advisor-1").GetAsync(session, TestContext.Current.CancellationToken));
    }

    private SessionNotes Notes(string userId)
    {
        var user = TestUser.WithoutRoles(userId);
        return new SessionNotes(_store, user, new AccessScope(user), TimeProvider.System);
    }

    public void Dispose() => _store.Dispose();
}
