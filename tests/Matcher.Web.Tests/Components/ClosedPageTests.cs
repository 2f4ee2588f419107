using Bunit;
using Matcher.Core.Documents;
using Matcher.Web.Components.Pages;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Work;
using Matcher.Web.Tests.Services;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>Reading and matching started from a page stop when the page or its circuit goes away, and free the person's places.</summary>
public sealed class ClosedPageTests : HeldMatchContext
{
    private static PostingInput Posting() => new(File.ReadAllText(Fixtures.Path("e2e", "amazon-prime-video-mle.txt")), null);

    private static UploadedFile Cv() => new("priya-raman-cv.md", Fixtures.Bytes("e2e", "priya-raman-cv.md"));

    private int Running() => Services.GetRequiredService<MatchGate>().Running(TestUser.LocalId);

    private async Task NothingRunsAsync()
    {
        // The cancelled match unwinds on its own task; its place is given back when it has.
        while (Running() > 0)
            await Task.Delay(20, Ct);
    }

    [Fact]
    public async Task Closing_check_my_fit_while_it_matches_cancels_the_match_and_saves_nothing()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<CheckFit>();
        cut.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromBinary(Cv().Content, Cv().Name));
        cut.WaitForElement("[data-testid=cv-summary]");
        cut.Find("textarea[data-testid=posting-text]").Input(Posting().Text!);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=match-button]").HasAttribute("disabled")), TimeSpan.FromSeconds(10));

        cut.Find("[data-testid=match-button]").Click();
        await Embedder.StartedAsync(Ct);
        Assert.Equal(1, Running());

        // The page does not wait for its match when it goes away; the held embedder is never released here.
        await DisposeComponentsAsync();

        // Bounded so that a page that never cancels fails the test instead of hanging it.
        await Embedder.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await NothingRunsAsync().WaitAsync(TimeSpan.FromSeconds(30), Ct);
        using var db = Store.CreateDbContext();
        Assert.Empty(db.Reports);
        Assert.Empty(db.Cvs);
    }

    [Fact]
    public async Task A_match_started_from_a_page_is_cancelled_when_its_circuit_closes()
    {
        using var scope = Services.CreateScope();
        var workflow = scope.ServiceProvider.GetRequiredService<MatchWorkflow>();
        var draft = workflow.ReadCv(Cv(), Ct);

        // The caller's own token never stops it: the circuit's is enough.
        var match = workflow.MatchAsync(draft, Posting(), cancellationToken: CancellationToken.None);
        await Embedder.StartedAsync(Ct);
        // Only Blazor makes circuits; the handler needs nothing from the one that closes.
        await Assert.IsType<CircuitWorkHandler>(Assert.Single(scope.ServiceProvider.GetServices<CircuitHandler>()))
            .OnCircuitClosedAsync(null!, Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => match);
        Assert.True(Embedder.Cancelled.Task.IsCompleted);
        Assert.Equal(0, Running());
        using var db = Store.CreateDbContext();
        Assert.Empty(db.Reports);
    }

    [Fact]
    public async Task A_match_in_another_circuit_goes_on_when_one_circuit_closes()
    {
        using var closing = Services.CreateScope();
        using var open = Services.CreateScope();
        var workflow = open.ServiceProvider.GetRequiredService<MatchWorkflow>();
        var match = workflow.MatchAsync(workflow.ReadCv(Cv(), Ct), Posting(), cancellationToken: Ct);
        await Embedder.StartedAsync(Ct);

        await closing.ServiceProvider.GetRequiredService<CircuitHandler>().OnCircuitClosedAsync(null!, Ct);
        Embedder.Release();

        var reportId = await match;
        using var db = Store.CreateDbContext();
        Assert.Contains(db.Reports, r => r.Id == reportId);
    }

    /// <summary>Stands still for dates; counts the reader's looks at its stopwatch and runs an action at one of them.</summary>
    private sealed class ReadingClock : TimeProvider
    {
        public int Readings { get; set; }
        public int ActAt { get; set; }
        public Action? Act { get; set; }

        public override DateTimeOffset GetUtcNow() => TestTime.November2026;

        public override long GetTimestamp()
        {
            if (++Readings == ActAt)
                Act?.Invoke();
            return base.GetTimestamp();
        }
    }

    [Fact]
    public void A_cv_read_stops_at_its_next_page_when_its_circuit_closes()
    {
        var clock = new ReadingClock();
        Services.AddSingleton<TimeProvider>(clock);
        using var scope = Services.CreateScope();
        var workflow = scope.ServiceProvider.GetRequiredService<MatchWorkflow>();
        var handler = scope.ServiceProvider.GetRequiredService<CircuitHandler>();
        var pdf = new UploadedFile("cv.pdf", Fixtures.Bytes("cvs", "cv-two-column.pdf"));
        Assert.NotEmpty(workflow.ReadCv(pdf, Ct).Cv.Text);
        var wholeRead = clock.Readings;

        // The read looks at the clock once as it starts, once when the file is checked, then at every page.
        clock.Readings = 0;
        clock.ActAt = 3;
        clock.Act = () => handler.OnCircuitClosedAsync(null!, Ct);
        Assert.Throws<OperationCanceledException>(() => workflow.ReadCv(pdf, Ct));

        Assert.Equal(3, clock.Readings);
        Assert.True(wholeRead > 3);
        Assert.Equal(0, Running());
    }
}
