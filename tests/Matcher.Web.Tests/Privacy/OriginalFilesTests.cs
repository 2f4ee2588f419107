using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Data.Entities;
using Matcher.Data.Files;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Privacy;
using Matcher.Web.Services.Ranking;
using Matcher.Web.Tests.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Matcher.Web.Tests.Privacy.PrivacyScenario;

namespace Matcher.Web.Tests.Privacy;

/// <summary>
/// Uploaded originals live in the file store, named by their content: each privacy job removes the files of what it
/// deletes, as seen on disk, while a file another row still uses stays; originals from before the file store move
/// there on start with their bytes unchanged.
/// </summary>
public abstract class OriginalFilesTests(StoreKind kind, PostgresServer? server) : IAsyncLifetime
{
    private static readonly string[] Applicants = ["aaron-blake.md", "ahmed-karim.md"];

    private PrivacyHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FileStore Files => _host.Services.GetRequiredService<FileStore>();

    public async ValueTask InitializeAsync() =>
        _host = await PrivacyHost.StartAsync(
            new Dictionary<string, string?> { ["Matcher:Privacy:RetentionDays"] = "30" },
            await TestStore.CreateAsync(kind, server, Ct));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private string PathOf(byte[] content) => Files.PathOf(FileStore.KeyOf(content));

    private async Task CheckFitAsync(TestPerson person, string folder, string cv)
    {
        _host.SignIn(person);
        var workflow = _host.Get<MatchWorkflow>();
        var draft = workflow.ReadCv(new UploadedFile(cv, Fixtures.Bytes(folder, cv)));
        await workflow.MatchAsync(draft, new PostingInput(await File.ReadAllTextAsync(Fixtures.Path("privacy", "ranger-posting.md"), Ct), null), cancellationToken: Ct);
    }

    private async Task<Guid> RankAsync(TestPerson person, params string[] cvs)
    {
        _host.SignIn(person);
        var text = await File.ReadAllTextAsync(Fixtures.Path("privacy", "ranger-posting.md"), Ct);
        var posting = PostingMapping.ToEntity(new PostingReader().ReadText(text), person.Id, text, null, _host.Clock.GetUtcNow());
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
        {
            db.Postings.Add(posting);
            await db.SaveChangesAsync(Ct);
        }
        var jobId = await _host.Get<RankingJobs>().StartAsync(posting.Id, [0], cvs.Select(n => new ApplicantFile(n, Fixtures.Bytes("eval", "cvs", n))).ToList(), blind: false, Ct);
        Assert.Equal(1, await _host.RunRankingAsync());
        return jobId;
    }

    [Fact]
    public async Task Deleting_my_data_removes_my_files_and_a_file_two_people_uploaded_stays_until_both_are_gone()
    {
        var mine = Fixtures.Bytes("privacy", AliceCvFile);
        var shared = Fixtures.Bytes("matching", BobCvFile);
        var applicant = Fixtures.Bytes("eval", "cvs", Applicants[0]);
        await CheckFitAsync(Alice, "privacy", AliceCvFile);
        await CheckFitAsync(Alice, "matching", BobCvFile);
        await CheckFitAsync(Bob, "matching", BobCvFile);
        await RankAsync(Alice, Applicants[0]);
        // The same file from two people is stored once; each stored file holds its upload byte for byte.
        Assert.Equal(mine, await File.ReadAllBytesAsync(PathOf(mine), Ct));
        Assert.Equal(shared, await File.ReadAllBytesAsync(PathOf(shared), Ct));
        Assert.True(File.Exists(PathOf(applicant)));
        Assert.Equal(3, Directory.EnumerateFiles(Files.Folder, "*", SearchOption.AllDirectories).Count());

        await _host.Get<PersonalDataEraser>().EraseAsync(Alice.Id, Ct);

        Assert.False(File.Exists(PathOf(mine)));
        Assert.False(File.Exists(PathOf(applicant)));
        Assert.Equal(shared, await File.ReadAllBytesAsync(PathOf(shared), Ct));

        await _host.Get<PersonalDataEraser>().EraseAsync(Bob.Id, Ct);

        Assert.False(File.Exists(PathOf(shared)));
        Assert.Empty(Directory.EnumerateFiles(Files.Folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Removing_an_applicant_removes_its_file_unless_another_ranking_still_uses_it()
    {
        var first = await RankAsync(Alice, Applicants);
        var second = await RankAsync(Alice, Applicants[0]);
        var both = Fixtures.Bytes("eval", "cvs", Applicants[0]);
        var onlyFirst = Fixtures.Bytes("eval", "cvs", Applicants[1]);

        await RemoveAsync(first, 1);
        await RemoveAsync(first, 2);

        Assert.False(File.Exists(PathOf(onlyFirst)));
        Assert.Equal(both, await File.ReadAllBytesAsync(PathOf(both), Ct));

        await RemoveAsync(second, 1);

        Assert.False(File.Exists(PathOf(both)));
    }

    private async Task RemoveAsync(Guid jobId, int number)
    {
        Guid id;
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
            id = await db.RankingApplicants.Where(a => a.JobId == jobId && a.Number == number).Select(a => a.Id).SingleAsync(Ct);
        await _host.Get<ApplicantEraser>().DeleteAsync(jobId, id, Ct);
    }

    [Fact]
    public async Task Retention_removes_the_files_of_expired_cvs_and_applicants_and_keeps_newer_ones()
    {
        var expired = Fixtures.Bytes("privacy", AliceCvFile);
        var applicant = Fixtures.Bytes("eval", "cvs", Applicants[0]);
        var newer = Fixtures.Bytes("matching", BobCvFile);
        await CheckFitAsync(Alice, "privacy", AliceCvFile);
        await RankAsync(Alice, Applicants[0]);
        _host.Clock.Advance(TimeSpan.FromDays(20));
        await CheckFitAsync(Bob, "matching", BobCvFile);
        Assert.True(File.Exists(PathOf(expired)));
        Assert.True(File.Exists(PathOf(applicant)));

        _host.Clock.Advance(TimeSpan.FromDays(15));
        var counts = await _host.Get<RetentionSweeper>().SweepAsync(Ct);

        Assert.Equal((1, 1), (counts.Cvs, counts.Applicants));
        Assert.False(File.Exists(PathOf(expired)));
        Assert.False(File.Exists(PathOf(applicant)));
        Assert.Equal(newer, await File.ReadAllBytesAsync(PathOf(newer), Ct));
    }

    [Fact]
    public async Task Originals_still_in_the_database_move_to_the_file_store_unchanged_and_stay_downloadable()
    {
        var cvBytes = Fixtures.Bytes("privacy", AliceCvFile);
        var applicantBytes = Fixtures.Bytes("eval", "cvs", Applicants[1]);
        var jobId = await RankAsync(Alice, Applicants[0]);
        var cvId = Guid.NewGuid();
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
        {
            // Rows as a store from before the file store holds them: the bytes in the row, no key.
            db.Cvs.Add(new CvEntity
            {
                Id = cvId, OwnerId = Alice.Id, FileName = AliceCvFile, Format = "Markdown", OriginalFile = cvBytes,
                Sha256 = FileStore.KeyOf(cvBytes), Text = "text", ParsedJson = "{}", CreatedAt = _host.Clock.GetUtcNow(),
            });
            db.RankingApplicants.Add(new RankingApplicantEntity { Id = Guid.NewGuid(), JobId = jobId, Number = 2, FileName = Applicants[1], OriginalFile = applicantBytes });
            db.RankingApplicants.Add(new RankingApplicantEntity { Id = Guid.NewGuid(), JobId = jobId, Number = 3, FileName = "scan.pdf", OriginalFile = [], Processed = true, Error = "No text layer." });
            await db.SaveChangesAsync(Ct);
        }
        Assert.False(File.Exists(PathOf(cvBytes)));

        var moved = await StoredFiles.MoveOriginalsOutOfDatabaseAsync(_host.Db, Files, NullLogger.Instance, Ct);

        Assert.Equal(3, moved);
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
        {
            Assert.False(await db.Cvs.AnyAsync(c => c.OriginalFile != null, Ct));
            Assert.False(await db.RankingApplicants.AnyAsync(a => a.OriginalFile != null, Ct));
            Assert.Equal(FileStore.KeyOf(cvBytes), await db.Cvs.Where(c => c.Id == cvId).Select(c => c.FileSha256).SingleAsync(Ct));
            Assert.Null(await db.RankingApplicants.Where(a => a.Number == 3).Select(a => a.FileSha256).SingleAsync(Ct));
        }
        Assert.Equal(cvBytes, await File.ReadAllBytesAsync(PathOf(cvBytes), Ct));
        Assert.Equal(applicantBytes, await File.ReadAllBytesAsync(PathOf(applicantBytes), Ct));
        var download = await new SessionQueries(_host.Db, new AccessScope(_host.User), Files).GetCvFileAsync(cvId, Ct);
        Assert.Equal(cvBytes, download!.Value.Content);
        // Nothing is left to move, so a restart does no work twice.
        Assert.Equal(0, await StoredFiles.MoveOriginalsOutOfDatabaseAsync(_host.Db, Files, NullLogger.Instance, Ct));
    }
}

public sealed class OriginalFilesOnSqliteTests() : OriginalFilesTests(StoreKind.Sqlite, null);

public sealed class OriginalFilesOnPostgreSqlTests(PostgresServer server) : OriginalFilesTests(StoreKind.PostgreSql, server);
