using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Ranking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Web.Tests.Ranking;

/// <summary>The job runner against a real, migrated SQLite file, as the app uses it.</summary>
public sealed class RankingJobRunnerTests : IAsyncLifetime
{
    private static readonly string CvFolder = Path.Combine(AppContext.BaseDirectory, "fixtures", "eval", "cvs");
    private static readonly string[] FiveCvs = ["aaron-blake.md", "ahmed-karim.md", "aisha-bello.md", "anna-lindqvist.md", "arjun-nair.md"];

    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-ranking-").FullName;
    private readonly RecordingEngine _engine = new();
    private readonly RankingSignal _signal = new();
    private ServiceProvider _services = null!;
    private IDbContextFactory<MatcherDbContext> _db = null!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddMatcherStore(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(_folder, "matcher.db")}" });
        _services = services.BuildServiceProvider();
        Stores.MigratedSqlite.CopyTo(Path.Combine(_folder, "matcher.db"));
        await _services.MigrateMatcherStoreAsync(TestContext.Current.CancellationToken);
        _db = _services.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private RankingJobRunner Runner() =>
        new(_db, new Ranker(new CvReader(), _engine), _signal, TimeProvider.System, NullLogger<RankingJobRunner>.Instance, Files);

    private Matcher.Data.Files.FileStore Files => _services.GetRequiredService<Matcher.Data.Files.FileStore>();

    private RankingJobs Jobs(RankingOptions? options = null) =>
        new(_db, TestUser.Local(), new AccessScope(TestUser.Local()), _signal, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(options ?? new RankingOptions()), Files);

    private async Task<Guid> SavePostingAsync()
    {
        var text = await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "e2e", "amazon-prime-video-mle.txt"), TestContext.Current.CancellationToken);
        var posting = new PostingReader().ReadText(text);
        var entity = PostingMapping.ToEntity(posting, TestUser.LocalId, text, null, DateTimeOffset.UtcNow);
        await using var db = await _db.CreateDbContextAsync(TestContext.Current.CancellationToken);
        db.Postings.Add(entity);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return entity.Id;
    }

    private static ApplicantFile File(string name, string? folder = null) =>
        new(name, System.IO.File.ReadAllBytes(Path.Combine(folder ?? CvFolder, name)));

    private static string? NameIn(string file) => new CvReader().Read(File(file).Content, file).Contact.Name;

    [Fact]
    public async Task Each_batch_pushes_its_progress_and_a_page_reads_only_what_is_new()
    {
        var ct = TestContext.Current.CancellationToken;
        var twelve = Directory.EnumerateFiles(CvFolder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(12).Select(n => File(n!)).ToList();
        var jobId = await Jobs().StartAsync(await SavePostingAsync(), [0], twelve, blind: false, ct);
        var before = (await Jobs().GetAsync(jobId, ct))!;
        var pushed = new List<RankingJobProgress>();
        _signal.Progressed += p => { lock (pushed) pushed.Add(p); };

        Assert.True(await Runner().RunNextAsync(ct));

        // Batches of eight: the page hears 8 of 12, then 12 of 12, without reading the job.
        Assert.Equal([(8, 12), (12, 12)], pushed.Select(p => (p.Done, p.Total)));
        Assert.All(pushed, p => Assert.Equal(jobId, p.JobId));
        Assert.True(pushed[1].WorkSeconds >= pushed[0].WorkSeconds);
        var refreshed = (await Jobs().RefreshAsync(before, ct))!;
        var full = (await Jobs().GetAsync(jobId, ct))!;
        Assert.Equal((RankingJobStatus.Completed, 12), (refreshed.Status, refreshed.Done));
        Assert.Equal(full.Applicants.Select(a => (a.Id, a.Name, a.ReportFor(0)?.Score)), refreshed.Applicants.Select(a => (a.Id, a.Name, a.ReportFor(0)?.Score)));
        Assert.All(refreshed.Applicants, a => Assert.True(a.Processed));
        // Looked at again with everything already on the page, it still agrees.
        var again = (await Jobs().RefreshAsync(full, ct))!;
        Assert.Equal(full.Applicants.Select(a => a.Id), again.Applicants.Select(a => a.Id));
    }

    [Fact]
    public async Task A_job_interrupted_after_three_of_five_applicants_resumes_with_exactly_the_other_two()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobId = await Jobs().StartAsync(await SavePostingAsync(), [0], FiveCvs.Select(n => File(n)).ToList(), blind: false, ct);
        // As a stopped app leaves it: three applicants committed, the job still marked running.
        await using (var db = await _db.CreateDbContextAsync(ct))
        {
            foreach (var applicant in await db.RankingApplicants.Where(a => a.JobId == jobId && a.Number <= 3).ToListAsync(ct))
            {
                applicant.Processed = true;
                applicant.ReportsJson = "[]";
                applicant.Name = $"Done before the restart {applicant.Number}";
            }
            var job = await db.RankingJobs.SingleAsync(j => j.Id == jobId, ct);
            job.Status = RankingJobStatus.Running;
            job.Done = 3;
            await db.SaveChangesAsync(ct);
        }

        var runner = Runner();
        Assert.Equal(1, await runner.RequeueInterruptedAsync(ct));
        Assert.True(await runner.RunNextAsync(ct));

        Assert.Equal([NameIn(FiveCvs[3]), NameIn(FiveCvs[4])], _engine.Names);
        var view = await Jobs().GetAsync(jobId, ct);
        Assert.NotNull(view);
        Assert.Equal((RankingJobStatus.Completed, 5, 5), (view.Status, view.Done, view.Total));
        Assert.All(view.Applicants, a => Assert.True(a.Processed));
        Assert.Equal(["Done before the restart 1", "Done before the restart 2", "Done before the restart 3"], view.Applicants.Take(3).Select(a => a.Name));
        Assert.All(view.Applicants.Skip(3), a => Assert.Single(a.Reports));
        Assert.False(await runner.RunNextAsync(ct));
    }

    [Fact]
    public async Task An_unreadable_cv_is_recorded_with_its_reason_and_the_others_are_still_ranked()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = new[] { File(FiveCvs[0]), File("cv-scanned-no-text.pdf", Path.Combine(AppContext.BaseDirectory, "fixtures", "cvs")), File(FiveCvs[1]) };
        var jobId = await Jobs().StartAsync(await SavePostingAsync(), [0], files, blind: false, ct);

        Assert.True(await Runner().RunNextAsync(ct));

        var view = (await Jobs().GetAsync(jobId, ct))!;
        Assert.Equal(RankingJobStatus.Completed, view.Status);
        var broken = Assert.Single(view.Applicants, a => a.Error is not null);
        Assert.Equal("cv-scanned-no-text.pdf", broken.FileName);
        Assert.Empty(broken.Reports);
        Assert.Equal(2, view.Applicants.Count(a => a.Reports.Count == 1 && a.Reports[0] is not null));
    }

    [Fact]
    public async Task A_cv_refused_on_upload_is_listed_with_its_reason_and_its_bytes_are_not_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        const string reason = "\"scan.pdf\" is a PDF that has no text layer.";
        var files = new[] { File(FiveCvs[0]), ApplicantFile.Refused("scan.pdf", reason) };
        var jobId = await Jobs().StartAsync(await SavePostingAsync(), [0], files, blind: false, ct);

        await using (var db = await _db.CreateDbContextAsync(ct))
        {
            var stored = await db.RankingApplicants.SingleAsync(a => a.JobId == jobId && a.FileName == "scan.pdf", ct);
            Assert.Null(stored.FileSha256);
            Assert.Null(stored.OriginalFile);
            Assert.Single(Directory.EnumerateFiles(Files.Folder, "*", SearchOption.AllDirectories));
            Assert.Equal(reason, stored.Error);
        }
        Assert.True(await Runner().RunNextAsync(ct));

        var view = (await Jobs().GetAsync(jobId, ct))!;
        Assert.Equal(RankingJobStatus.Completed, view.Status);
        Assert.Equal(2, view.Done);
        Assert.Equal(reason, Assert.Single(view.Applicants, a => a.Error is not null).Error);
        Assert.Single(view.Applicants, a => a.Reports.Count == 1 && a.Reports[0] is not null);
        Assert.Single(_engine.Names);
    }

    [Fact]
    public async Task A_ranking_over_its_byte_budget_is_not_started_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = FiveCvs.Select(n => File(n)).ToList();
        var postingId = await SavePostingAsync();

        var error = await Assert.ThrowsAsync<InputException>(() =>
            Jobs(new RankingOptions { MaxTotalBytes = files.Sum(f => f.Content.Length) - 1 }).StartAsync(postingId, [0], files, blind: false, ct));

        Assert.Contains("one ranking takes at most", error.Message);
        await using var db = await _db.CreateDbContextAsync(ct);
        Assert.Empty(await db.RankingJobs.ToListAsync(ct));
        Assert.Empty(await db.RankingApplicants.ToListAsync(ct));
    }

    [Fact]
    public async Task The_same_cv_sent_twice_under_another_file_name_is_flagged_as_a_possible_duplicate()
    {
        var ct = TestContext.Current.CancellationToken;
        var again = new ApplicantFile("resent.md", File("aaron-blake.md").Content.Concat("\n\n"u8.ToArray()).ToArray());
        var jobId = await Jobs().StartAsync(await SavePostingAsync(), [0], [File("aaron-blake.md"), File("ahmed-karim.md"), again], blind: false, ct);

        Assert.True(await Runner().RunNextAsync(ct));

        var view = (await Jobs().GetAsync(jobId, ct))!;
        var duplicates = view.FindDuplicates();
        var aaron = view.Applicants.ToList().FindIndex(a => a.FileName == "aaron-blake.md");
        var resent = view.Applicants.ToList().FindIndex(a => a.FileName == "resent.md");
        Assert.Contains(ApplicantDuplicates.SameText, Assert.Single(duplicates[aaron], d => d.Other == resent).Reasons);
        Assert.Empty(duplicates[view.Applicants.ToList().FindIndex(a => a.FileName == "ahmed-karim.md")]);
    }

    [Fact]
    public async Task A_cancelled_job_is_not_picked_up_and_keeps_its_unranked_applicants()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = Jobs();
        var jobId = await jobs.StartAsync(await SavePostingAsync(), [0], FiveCvs.Take(2).Select(n => File(n)).ToList(), blind: false, ct);

        await jobs.CancelAsync(jobId, ct);

        Assert.False(await Runner().RunNextAsync(ct));
        var view = (await jobs.GetAsync(jobId, ct))!;
        Assert.Equal(RankingJobStatus.Cancelled, view.Status);
        Assert.Empty(_engine.Names);
        Assert.All(view.Applicants, a => Assert.False(a.Processed));
    }

    [Fact]
    public async Task Blind_download_rows_match_what_matcher_rank_writes_for_the_same_cvs()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = FiveCvs.Select(n => File(n)).Reverse().ToList();
        var jobs = Jobs();
        var jobId = await jobs.StartAsync(await SavePostingAsync(), [0], files, blind: true, ct);
        await Runner().RunNextAsync(ct);
        var view = (await jobs.GetAsync(jobId, ct))!;

        var direct = await new Ranker(new CvReader(), new RecordingEngine()).RankAsync(view.Posting, [0], files, cancellationToken: ct);

        var fromJob = RankingExport.RankingRows(view.ToResult(), 0, blind: true);
        var fromCli = RankingExport.RankingRows(direct, 0, blind: true);
        Assert.Equal(fromCli.Select(r => string.Join("|", r.Select(kv => $"{kv.Key}={kv.Value}"))), fromJob.Select(r => string.Join("|", r.Select(kv => $"{kv.Key}={kv.Value}"))));
        Assert.All(fromJob, r => Assert.StartsWith("Candidate ", (string)r["candidate"]!, StringComparison.Ordinal));
        Assert.DoesNotContain(fromJob, r => r.ContainsKey("file"));
    }

    [Fact]
    public async Task Decisions_and_notes_go_into_the_ranking_and_matrix_downloads()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = Jobs();
        var jobId = await jobs.StartAsync(await SavePostingAsync(), [0], FiveCvs.Take(3).Select(n => File(n)).ToList(), blind: true, ct);
        await Runner().RunNextAsync(ct);
        var applicants = (await jobs.GetAsync(jobId, ct))!.Applicants;
        await jobs.SetDecisionAsync(jobId, applicants[0].Id, ApplicantDecision.Shortlisted, "Call this week", ct);
        await jobs.SetDecisionAsync(jobId, applicants[1].Id, ApplicantDecision.OnHold, null, ct);

        var view = (await jobs.GetAsync(jobId, ct))!;
        var ranking = RankingExport.RankingRows(view.ToResult(), 0, view.Blind).ToDictionary(r => (string)r["candidate"]!);
        Assert.Equal(("shortlisted", "Call this week"), ((string?)ranking["Candidate 1"]["decision"], (string?)ranking["Candidate 1"]["note"]));
        Assert.Equal(("on hold", (string?)null), ((string?)ranking["Candidate 2"]["decision"], (string?)ranking["Candidate 2"]["note"]));
        Assert.Null(ranking["Candidate 3"]["decision"]);
        var matrix = RankingExport.MatrixRows(view.ToResult(), view.Blind).ToDictionary(r => (string)r["candidate"]!);
        Assert.Equal("shortlisted", matrix["Candidate 1"]["decision"]);

        using var csv = new MemoryStream();
        RankingExport.Write(csv, RankingExport.RankingRows(view.ToResult(), 0, view.Blind), ExportFormat.Csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",decision,note", lines[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Candidate 1", StringComparison.Ordinal) && l.TrimEnd('\r').EndsWith(",shortlisted,\"Call this week\"", StringComparison.Ordinal));
    }

    /// <summary>Scores by name length and records whom it was asked about, in order.</summary>
    private sealed class RecordingEngine : IMatchEngine
    {
        public List<string?> Names { get; } = [];

        public Task<MatchReport> MatchAsync(CvDocument cv, Posting posting, int positionIndex, CancellationToken cancellationToken = default)
        {
            Names.Add(cv.Contact.Name);
            return Task.FromResult(new MatchReport
            {
                Score = cv.Contact.Name?.Length ?? 0, Verdict = "test", PositionIndex = positionIndex, PositionTitle = posting.Positions[positionIndex].Title,
                Summary = new MatchSummary(0, 0, 0, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)), Requirements = [],
                Receipt = new MatchReceipt
                {
                    EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
                    CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
                },
            });
        }
    }
}
