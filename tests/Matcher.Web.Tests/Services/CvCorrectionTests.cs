using Matcher.Core;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Data;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Cvs;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Services;

/// <summary>The CV step and the match step against a real, migrated SQLite file.</summary>
public sealed class CvCorrectionTests : IAsyncLifetime
{
    private static readonly string CvPath = Path.Combine("fixtures", "e2e", "priya-raman-cv.md");
    private static readonly string PostingPath = Path.Combine("fixtures", "e2e", "staff-engineer-ten-years.txt");

    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-web-tests-").FullName;
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMatcherStore(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "matcher.db")}" });
        services.AddSingleton<TimeProvider>(TestTime.Clock());
        services.AddMatcherEngine(new ConfigurationBuilder().Build());
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, HashingEmbedder>();
        services.AddSingleton<ICurrentUser>(TestUser.Local());
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddMatcherApplication();
        _services = services.BuildServiceProvider(validateScopes: true);
        await _services.MigrateMatcherStoreAsync(TestContext.Current.CancellationToken);
        _scope = _services.CreateAsyncScope();
    }

    private T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    private static UploadedFile Fixture(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    private static PostingInput Posting() => new(File.ReadAllText(PostingPath), null);

    private async Task<string> YearsReasonAsync(Guid reportId)
    {
        var saved = await Get<SessionQueries>().GetReportAsync(reportId, TestContext.Current.CancellationToken);
        Assert.NotNull(saved);
        return saved.Report.Requirements.Single(r => r.Text.StartsWith("10+ years", StringComparison.Ordinal)).Reason;
    }

    [Fact]
    public async Task Reading_a_cv_stores_nothing()
    {
        var draft = Get<MatchWorkflow>().ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Priya Raman", draft.Cv.Contact.Name);
        Assert.Equal(2, draft.Cv.Experience.Count);
        await using var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Cvs.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Sessions.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("cv-scanned-no-text.pdf")]
    [InlineData("cv-password-protected.pdf")]
    [InlineData("not-a-resume.json")]
    public async Task A_bad_cv_file_is_refused_with_a_message_and_nothing_is_stored(string fixture)
    {
        var file = Fixture(Path.Combine("fixtures", "cvs", fixture));

        var error = Assert.Throws<InputException>(() => Get<MatchWorkflow>().ReadCv(file, cancellationToken: TestContext.Current.CancellationToken));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        await using var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Cvs.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_cv_corrected_before_matching_is_stored_as_corrected_with_its_original_file()
    {
        var workflow = Get<MatchWorkflow>();
        var draft = workflow.ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken);
        var roles = draft.Cv.Experience.ToList();
        roles[1] = roles[1] with { Start = new YearMonth(2012, 9) };
        var corrected = draft with { Cv = draft.Cv with { Experience = roles, Skills = [.. draft.Cv.Skills, "Kubernetes"] } };

        var reportId = await workflow.MatchAsync(corrected, Posting(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("2012-09", await YearsReasonAsync(reportId));
        await using var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var row = await db.Cvs.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Null(row.OriginalFile);
        Assert.Equal(File.ReadAllBytes(CvPath), await File.ReadAllBytesAsync(Get<Matcher.Data.Files.FileStore>().PathOf(row.FileSha256!), TestContext.Current.CancellationToken));
        Assert.Contains("September 2018", row.Text);
        var stored = await Get<CvStore>().GetAsync(row.Id, TestContext.Current.CancellationToken);
        Assert.Equal(new YearMonth(2012, 9), stored!.Cv.Experience[1].Start);
        Assert.Contains("Kubernetes", stored.Cv.Skills);
    }

    [Fact]
    public async Task Saved_corrections_are_what_the_next_match_uses()
    {
        var workflow = Get<MatchWorkflow>();
        var store = Get<CvStore>();
        var firstReport = await workflow.MatchAsync(workflow.ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken), Posting(), cancellationToken: TestContext.Current.CancellationToken);
        var firstReason = await YearsReasonAsync(firstReport);
        Guid cvId;
        await using (var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
            cvId = await db.Cvs.Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        var saved = await store.GetAsync(cvId, TestContext.Current.CancellationToken);
        var roles = saved!.Cv.Experience.ToList();
        roles[1] = roles[1] with { Start = new YearMonth(2012, 9) };

        var stored = await store.SaveCorrectionsAsync(cvId, saved.Cv with { Experience = roles }, TestContext.Current.CancellationToken);
        var secondReport = await workflow.MatchAsync(cvId, Posting(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(14.1, stored.TotalYearsExperience);
        Assert.Contains("2018-09", firstReason);
        var secondReason = await YearsReasonAsync(secondReport);
        Assert.Contains("2012-09", secondReason);
        Assert.NotEqual(firstReason, secondReason);
        var session = await Get<SessionQueries>().GetSessionAsync(saved.SessionId!.Value, TestContext.Current.CancellationToken);
        Assert.Equal(2, session!.Reports.Count);
    }

    [Fact]
    public async Task The_same_cv_file_and_posting_text_sent_again_reuse_the_stored_cv_session_and_posting()
    {
        var workflow = Get<MatchWorkflow>();
        var ct = TestContext.Current.CancellationToken;
        var first = await workflow.MatchDraftAsync(workflow.ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken), Posting(), null, cancellationToken: ct);

        var second = await workflow.MatchDraftAsync(workflow.ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken), Posting(), null, cancellationToken: ct);

        Assert.NotEqual(first.ReportId, second.ReportId);
        Assert.Equal(first.CvId, second.CvId);
        Assert.Equal(first.SessionId, second.SessionId);
        await using var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(1, await db.Cvs.CountAsync(ct));
        Assert.Equal(1, await db.Sessions.CountAsync(ct));
        Assert.Equal(1, await db.Postings.CountAsync(ct));
        Assert.Equal(2, await db.Reports.CountAsync(r => r.SessionId == first.SessionId, ct));
    }

    [Fact]
    public async Task The_same_file_corrected_on_the_page_is_stored_as_a_new_cv()
    {
        var workflow = Get<MatchWorkflow>();
        var ct = TestContext.Current.CancellationToken;
        var first = await workflow.MatchDraftAsync(workflow.ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken), Posting(), null, cancellationToken: ct);
        var draft = workflow.ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken);

        var second = await workflow.MatchDraftAsync(draft with { Cv = draft.Cv with { Skills = [.. draft.Cv.Skills, "Kubernetes"] } }, Posting(), null, cancellationToken: ct);

        Assert.NotEqual(first.CvId, second.CvId);
    }

    [Fact]
    public async Task A_posting_from_the_library_is_matched_as_edited_and_not_copied()
    {
        var now = DateTimeOffset.UtcNow;
        var parsed = new PostingReader().ReadText(File.ReadAllText(PostingPath));
        var entity = Matcher.Data.Mapping.PostingMapping.ToEntity(parsed, TestUser.LocalId, "source", "staff.txt", now);
        entity.Positions[0].Requirements[0].Text = "Fluent Tamil";
        await using (var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.Postings.Add(entity);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var draft = Get<MatchWorkflow>().ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken);
        var reportId = await Get<MatchWorkflow>().MatchAsync(draft, new PostingInput(null, null, entity.Id, 0), cancellationToken: TestContext.Current.CancellationToken);

        var saved = await Get<SessionQueries>().GetReportAsync(reportId, TestContext.Current.CancellationToken);
        Assert.Contains(saved!.Report.Requirements, r => r.Text == "Fluent Tamil");
        await using var check = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await check.Postings.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(entity.Id, (await check.Reports.SingleAsync(TestContext.Current.CancellationToken)).PostingId);
    }

    [Fact]
    public async Task A_library_posting_that_is_gone_is_reported_and_nothing_is_saved()
    {
        var draft = Get<MatchWorkflow>().ReadCv(Fixture(CvPath), cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            Get<MatchWorkflow>().MatchAsync(draft, new PostingInput(null, null, Guid.NewGuid(), 0), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("no longer in your library", error.Message, StringComparison.Ordinal);
        await using var db = await Get<IDbContextFactory<MatcherDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await db.Sessions.CountAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
