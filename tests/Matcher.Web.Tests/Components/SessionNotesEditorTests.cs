using Bunit;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Components.Sessions;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

/// <summary>Session notes: read back on every visit, saved after typing stops, refused on someone else's session.</summary>
public class SessionNotesEditorTests : MudTestContext
{
    private readonly SqliteStore _store = new();
    private readonly TestUser _user = TestUser.WithoutRoles("advisor-1");
    // The field's pause after typing runs on this clock, so the tests say when the pause is over.
    private readonly FakeTimeProvider _clock = TestTime.Clock();

    public SessionNotesEditorTests()
    {
        Services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<MatcherDbContext>>(_store);
        Services.AddSingleton(_store.Files);
        Services.AddSingleton<ICurrentUser>(_user);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddMatcherApplication();
    }

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(600);

    /// <summary>Types into the field as a browser would, then lets the field's pause pass, which reports the change.</summary>
    private void TypeAndPause(IRenderedComponent<SessionNotesEditor> cut, string text)
    {
        cut.Find("textarea").Input(text);
        // Still typing, as far as the field knows: nothing is reported before the pause is over.
        _clock.Advance(Pause - TimeSpan.FromMilliseconds(1));
        Assert.Equal("", cut.Find("[data-testid=notes-status]").TextContent);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
    }

    private static void AssertSaved(IRenderedComponent<SessionNotesEditor> cut) =>
        cut.WaitForAssertion(() => Assert.StartsWith("Saved at", cut.Find("[data-testid=notes-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

    [Fact]
    public void Typed_notes_are_saved_and_shown_again_on_the_next_visit()
    {
        var session = _store.AddSession("advisor-1");
        var cut = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");

        TypeAndPause(cut, "Ask about the Lisbon project.");

        AssertSaved(cut);
        var again = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));
        again.WaitForAssertion(() => Assert.Equal("Ask about the Lisbon project.", again.Find("textarea").GetAttribute("value")));
    }

    [Fact]
    public void Notes_on_a_session_that_is_not_shared_with_you_are_refused_with_a_message()
    {
        var session = _store.AddSession("someone-else");
        var cut = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));

        TypeAndPause(cut, "Should not be stored");

        cut.WaitForAssertion(() => Assert.Contains("not saved", cut.Find("[data-testid=notes-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        using var db = _store.CreateDbContext();
        Assert.Empty(db.Notes);
    }

    [Fact]
    public void Notes_typed_just_before_leaving_the_field_are_saved_too()
    {
        var session = _store.AddSession("advisor-1");
        var cut = Render<SessionNotesEditor>(p => p.Add(x => x.SessionId, session));

        // Leaving the field at once hands the text over without waiting for the pause.
        var field = cut.Find("textarea");
        field.Input("Follow up on the portfolio link.");
        field.Blur();

        AssertSaved(cut);
        using var db = _store.CreateDbContext();
        Assert.Equal("Follow up on the portfolio link.", Assert.Single(db.Notes).Text);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _store.Dispose();
    }
}
