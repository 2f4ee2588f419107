using Matcher.Core.Documents;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Naming;
using Matcher.Web.Services.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Web.Tests.Services;

public sealed class SessionTitlesTests : IDisposable
{
    private readonly SqliteStore _store = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SessionTitles Titles(string userId) =>
        new(_store, new AccessScope(TestUser.WithoutRoles(userId)), TestTime.Clock(), NullLogger<SessionTitles>.Instance);

    private async Task<string> StoredTitleAsync(Guid session)
    {
        await using var db = _store.CreateDbContext();
        return await db.Sessions.Where(s => s.Id == session).Select(s => s.Title).SingleAsync(Ct);
    }

    [Fact]
    public async Task The_owner_renames_a_session_and_the_name_is_stored_with_its_spaces_folded()
    {
        var session = _store.AddSession("cand-1");

        Assert.Equal("Priya · interview practice", await Titles("cand-1").RenameAsync(session, "  Priya ·\n interview practice ", Ct));

        Assert.Equal("Priya · interview practice", await StoredTitleAsync(session));
    }

    [Fact]
    public async Task Someone_else_an_empty_name_and_an_overlong_one_are_refused_and_the_name_stays()
    {
        var session = _store.AddSession("cand-1");

        Assert.Contains("only its owner", (await Assert.ThrowsAsync<NotFoundException>(() => Titles("advisor-1").RenameAsync(session, "Taken over", Ct))).Message);
        Assert.Contains("Give the session a name", (await Assert.ThrowsAsync<InputException>(() => Titles("cand-1").RenameAsync(session, " \t ", Ct))).Message);
        Assert.Contains("keep it to 200", (await Assert.ThrowsAsync<InputException>(() => Titles("cand-1").RenameAsync(session, new string('x', 201), Ct))).Message);

        Assert.Equal("Session", await StoredTitleAsync(session));
    }

    public void Dispose() => _store.Dispose();
}
