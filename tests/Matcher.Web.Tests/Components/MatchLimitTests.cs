using Matcher.Core;
using Matcher.Core.Documents;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Work;
using Matcher.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

/// <summary>One person runs only so many matches at once.</summary>
public sealed class MatchLimitTests : HeldMatchContext
{
    [Fact]
    public async Task A_third_match_of_one_person_is_refused_with_a_message_while_two_run_and_is_taken_once_one_ends()
    {
        var reader = new DocumentReader();
        var cv = new Matcher.Core.Cvs.CvReader().Read(reader.Read(Fixtures.Bytes("e2e", "priya-raman-cv.md"), "priya-raman-cv.md", cancellationToken: TestContext.Current.CancellationToken), "priya-raman-cv.md");
        var draft = new CvDraft(new UploadedFile("priya-raman-cv.md", Fixtures.Bytes("e2e", "priya-raman-cv.md")), Matcher.Core.Documents.DocumentFormat.Markdown, cv);
        var posting = new PostingInput(File.ReadAllText(Fixtures.Path("e2e", "amazon-prime-video-mle.txt")), null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        MatchWorkflow Workflow() => Services.CreateScope().ServiceProvider.GetRequiredService<MatchWorkflow>();

        var first = Workflow().MatchAsync(draft, posting, cancellationToken: stop.Token);
        await Embedder.StartedAsync(Ct);
        var second = Workflow().MatchAsync(draft, posting, cancellationToken: stop.Token);
        await Embedder.StartedAsync(Ct);

        var refused = await Assert.ThrowsAsync<InputException>(() => Workflow().MatchAsync(draft, posting, cancellationToken: Ct));
        Assert.Contains("already have 2 matches running", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => Workflow().ReadCv(draft.File, cancellationToken: TestContext.Current.CancellationToken));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(0, Services.GetRequiredService<MatchGate>().Running(TestUser.LocalId));

        Embedder.Release();
        var reportId = await Workflow().MatchAsync(draft, posting, cancellationToken: Ct);
        using var db = Store.CreateDbContext();
        Assert.True(await db.Reports.AnyAsync(r => r.Id == reportId, Ct));
    }
}
