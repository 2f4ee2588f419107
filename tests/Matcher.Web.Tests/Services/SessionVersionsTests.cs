using Matcher.Core;
using Matcher.Core.Reports;
using Matcher.Data;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Web.Tests.Services;

/// <summary>A session keeps each CV version and its reports, so an advisor can compare them.</summary>
public sealed class SessionVersionsTests : IAsyncLifetime
{
    private static readonly string PostingPath = Path.Combine("fixtures", "e2e", "staff-engineer-ten-years.txt");

    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-web-tests-").FullName;
    private readonly FakeTimeProvider _clock = TestTime.Clock();
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMatcherStore(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "matcher.db")}" });
        services.AddSingleton<TimeProvider>(_clock);
        services.AddMatcherEngine(new ConfigurationBuilder().Build());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, HashingEmbedder>();
        services.AddSingleton<ICurrentUser>(TestUser.Local());
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMatcherApplication();
        _services = services.BuildServiceProvider(validateScopes: true);
        await _services.MigrateMatcherStoreAsync(TestContext.Current.CancellationToken);
        _scope = _services.CreateAsyncScope();
    }

    private MatchWorkflow Workflow => _scope.ServiceProvider.GetRequiredService<MatchWorkflow>();
    private SessionQueries Queries => _scope.ServiceProvider.GetRequiredService<SessionQueries>();

    private CvDraft Read(string name) =>
        Workflow.ReadCv(new UploadedFile(name, File.ReadAllBytes(Path.Combine("fixtures", "e2e", name))));

    private async Task<(MatchOutcome First, MatchOutcome Second)> MatchTwoVersionsAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Workflow.MatchDraftAsync(Read("priya-raman-cv.md"), new PostingInput(File.ReadAllText(PostingPath), null), null, cancellationToken: ct);
        var session = await Queries.GetSessionAsync(first.SessionId, ct);
        var earlier = Assert.Single(session!.Reports);

        _clock.Advance(TimeSpan.FromDays(7));
        var second = await Workflow.MatchDraftAsync(
            Read("priya-raman-cv-v2.md"), new PostingInput(null, null, earlier.PostingId, earlier.PositionIndex), first.SessionId, cancellationToken: ct);
        return (first, second);
    }

    [Fact]
    public async Task A_new_cv_version_lands_in_the_same_session_against_the_same_posting()
    {
        var (first, second) = await MatchTwoVersionsAsync();

        Assert.Equal(first.SessionId, second.SessionId);
        Assert.NotEqual(first.CvId, second.CvId);
        var session = await Queries.GetSessionAsync(first.SessionId, TestContext.Current.CancellationToken);
        Assert.Equal(2, session!.Reports.Count);
        Assert.Single(session.Reports.Select(r => r.PostingId).Distinct());

        var group = Assert.Single(CvVersions.Comparable(session.Reports));
        Assert.Equal(first.ReportId, group.Oldest.Id);
        Assert.Equal(second.ReportId, group.Newest.Id);
    }

    [Fact]
    public async Task The_longer_career_in_the_new_version_moves_the_years_requirement_up()
    {
        var (first, second) = await MatchTwoVersionsAsync();
        var ct = TestContext.Current.CancellationToken;
        var before = await Queries.GetReportAsync(first.ReportId, ct);
        var after = await Queries.GetReportAsync(second.ReportId, ct);

        var comparison = ReportComparison.Compare(before!.Report, after!.Report);

        var years = comparison.Changes.Single(c => c.Text.StartsWith("10+ years", StringComparison.Ordinal));
        Assert.Equal(ChangeGroup.Improved, years.Group);
        Assert.True(years.ScoreAfter > years.ScoreBefore);
        Assert.True(comparison.Delta > 0);
    }

    [Fact]
    public async Task The_sessions_list_names_the_candidate_from_the_latest_cv_and_the_posting()
    {
        await MatchTwoVersionsAsync();

        var summary = Assert.Single(await Queries.ListAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Priya Raman", summary.Candidate);
        Assert.Equal(["Staff Software Engineer, Computer Vision"], summary.Postings);
        Assert.Equal(2, summary.Reports);
    }

    [Fact]
    public async Task A_session_that_does_not_exist_is_refused_and_nothing_is_saved()
    {
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => Workflow.MatchDraftAsync(
            Read("priya-raman-cv.md"), new PostingInput(File.ReadAllText(PostingPath), null), Guid.NewGuid(), cancellationToken: ct));

        Assert.Empty(await Queries.ListAsync(ct));
    }

    [Fact]
    public async Task Several_postings_land_in_one_session_and_a_posting_that_fails_is_reported_without_stopping_the_rest()
    {
        var ct = TestContext.Current.CancellationToken;
        var several = _scope.ServiceProvider.GetRequiredService<SeveralPostingsMatch>();
        PostingChoice[] postings =
        [
            new("Staff engineer", new PostingInput(File.ReadAllText(PostingPath), null)),
            new("Deleted posting", new PostingInput(null, null, Guid.NewGuid())),
            new("Prime Video", new PostingInput(File.ReadAllText(Path.Combine("fixtures", "e2e", "amazon-prime-video-mle.txt")), null)),
        ];
        var seen = new List<IReadOnlyList<PostingRunStatus>>();

        var runs = await several.RunAsync(Read("priya-raman-cv.md"), null, postings, new SyncProgress(seen.Add), ct);

        Assert.Equal([PostingRunState.Done, PostingRunState.Failed, PostingRunState.Done], runs.Select(r => r.State));
        Assert.Contains("no longer in your library", runs[1].Message, StringComparison.Ordinal);
        Assert.Contains(seen, s => s[0].State == PostingRunState.Matching && s[2].State == PostingRunState.Waiting);
        var session = Assert.Single(await Queries.ListAsync(ct));
        Assert.Equal(2, session.Reports);
        var detail = await Queries.GetSessionAsync(session.Id, ct);
        Assert.Single(detail!.Reports.Select(r => r.CvId).Distinct());
    }

    /// <summary>Reports at once, on the caller's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SyncProgress(Action<IReadOnlyList<PostingRunStatus>> report) : IProgress<IReadOnlyList<PostingRunStatus>>
    {
        public void Report(IReadOnlyList<PostingRunStatus> value) => report(value);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
