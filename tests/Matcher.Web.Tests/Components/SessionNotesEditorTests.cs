using Bunit;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Sessions;
using Matcher.Web.Services;
using Matcher.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

/// <summary>Session notes: read back on every visit, saved after typing stops, refused on someone else's session.</summary>
public class SessionNotesEditorTests : MudTestContext
{
    private readonly SqliteStore _store = new();
    private readonly TestUser _user = new() { Id = "advisor-1" };

    public SessionNotesEditorTests()
    {
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddSingleton<TimeProvider>(FixedClock.November2026);
        Services.AddScoped<SessionAccess>();
        Services.AddScoped<SessionNotes>();
    }

    private static Task TypeAndPause(IRenderedComponent<SessionNotesEditor> cut, string text)
    {
        var field = cut.FindComponent<MudTextField<string>>();
        return cut.InvokeAsync(async () =>
        {
            await field.Instance.ValueChanged.InvokeAsync(text);
            await field.Instance.OnDebounceIntervalElapsed.InvokeAsync(text);
        });
    }

    [Fact]
    public async Task Typed_notes_are_saved_and_shown_again_on_the_next_visit()
    {
        var session = _store.AddSession("advisor-1");
        var cut = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");

        await TypeAndPause(cut, "Ask about the Lisbon project.");

        cut.WaitForAssertion(() => Assert.StartsWith("Saved at", cut.Find("[data-testid=notes-status]").TextContent, StringComparison.Ordinal));
        var again = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));
        again.WaitForAssertion(() => Assert.Equal("Ask about the Lisbon project.", again.Find("textarea").GetAttribute("value")));
    }

    [Fact]
    public async Task Notes_on_a_session_that_is_not_shared_with_you_are_refused_with_a_message()
    {
        var session = _store.AddSession("someone-else");
        var cut = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));

        await TypeAndPause(cut, "Should not be stored");

        cut.WaitForAssertion(() => Assert.Contains("not saved", cut.Find("[data-testid=notes-status]").TextContent, StringComparison.Ordinal));
        using var db = _store.CreateDbContext();
        Assert.Empty(db.Notes);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _store.Dispose();
    }
}
