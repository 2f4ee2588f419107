using Matcher.Core.Ranking;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Files;
using Matcher.Web.Tests.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Matcher.Web.Tests.Privacy;

/// <summary>
/// A store created before the file store existed, with originals in its rows, upgraded the way a start does it:
/// migrate to the current schema, then move the originals to disk. On SQLite the migration rebuilds both tables, so
/// this also shows the rebuild keeps every row and column.
/// </summary>
public abstract class UpgradeToFileStoreTests(StoreKind kind, PostgresServer? server)
{
    /// <summary>The last schema whose rows held uploaded originals themselves.</summary>
    private const string BeforeFileStore = "ApplicantTextHash";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_store_from_before_the_file_store_upgrades_and_its_originals_reach_the_file_store_unchanged()
    {
        // Built from nothing, as an old install was, not from a copy of the current schema.
        await using var store = await TestStore.CreateAsync(kind, server, Ct, migrated: false);
        var cvBytes = Fixtures.Bytes("privacy", PrivacyScenario.AliceCvFile);
        var applicantBytes = Fixtures.Bytes("eval", "cvs", "aaron-blake.md");
        var cvId = Guid.NewGuid();
        var jobId = Guid.NewGuid();
        var postingId = Guid.NewGuid();
        var applicantId = Guid.NewGuid();
        var createdAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        // Dates are kept as DateTimeOffset's binary form on both providers.
        var created = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(createdAt)!;

        var options = StoreServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<MatcherDbContext>(), store.Options).Options;
        await using (var old = new MatcherDbContext(options))
        {
            await old.GetService<IMigrator>().MigrateAsync(BeforeFileStore, cancellationToken: Ct);
            Assert.Equal(BeforeFileStore, (await old.Database.GetAppliedMigrationsAsync(Ct)).Last()[15..]);
            // Written as that version wrote them; the current model's columns do not exist yet.
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO "Postings" ("Id", "OwnerId", "Title", "SourceText", "FactsJson", "CreatedAt", "UpdatedAt", "SharedWithTeam")
                VALUES ({Key(postingId)}, 'alice', 'Ranger', 'Ranger posting', {"{}"}, {created}, {created}, {false})
                """, Ct);
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO "RankingJobs" ("Id", "OwnerId", "PostingId", "PositionsJson", "Status", "Total", "Done", "Blind", "SharedWithTeam", "CreatedAt", "WorkSeconds")
                VALUES ({Key(jobId)}, 'alice', {Key(postingId)}, '[0]', 'Completed', 1, 1, {false}, {false}, {created}, {0.0})
                """, Ct);
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO "Cvs" ("Id", "OwnerId", "FileName", "Format", "OriginalFile", "Sha256", "Text", "ParsedJson", "CreatedAt")
                VALUES ({Key(cvId)}, 'alice', {PrivacyScenario.AliceCvFile}, 'Markdown', {cvBytes}, {FileStore.KeyOf(cvBytes)}, 'cv text', {"{}"}, {created})
                """, Ct);
            await old.Database.ExecuteSqlAsync($"""
                INSERT INTO "RankingApplicants" ("Id", "JobId", "Number", "FileName", "OriginalFile", "Processed", "Decision")
                VALUES ({Key(applicantId)}, {Key(jobId)}, 1, 'aaron-blake.md', {applicantBytes}, {true}, 'Shortlisted')
                """, Ct);
        }

        await using var host = await PrivacyHost.StartAsync(store: store);
        var moved = await host.Services.PrepareFileStoreAsync(Ct);

        Assert.Equal(2, moved);
        var files = new FileStore(store.FilesFolder);
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var cv = await db.Cvs.SingleAsync(Ct);
        Assert.Equal((cvId, "alice", PrivacyScenario.AliceCvFile, "cv text", createdAt), (cv.Id, cv.OwnerId, cv.FileName, cv.Text, cv.CreatedAt));
        Assert.Null(cv.OriginalFile);
        Assert.Equal(FileStore.KeyOf(cvBytes), cv.FileSha256);
        Assert.Equal(cvBytes, await File.ReadAllBytesAsync(files.PathOf(cv.FileSha256!), Ct));
        var applicant = await db.RankingApplicants.SingleAsync(Ct);
        Assert.Equal((applicantId, jobId, 1, true, ApplicantDecision.Shortlisted), (applicant.Id, applicant.JobId, applicant.Number, applicant.Processed, applicant.Decision));
        Assert.Null(applicant.OriginalFile);
        Assert.Equal(applicantBytes, await File.ReadAllBytesAsync(files.PathOf(applicant.FileSha256!), Ct));
        // A second start finds nothing left to move.
        Assert.Equal(0, await host.Services.PrepareFileStoreAsync(Ct));
    }

    /// <summary>EF keeps a Guid as upper-case text on SQLite and as uuid on PostgreSQL; raw SQL must do the same.</summary>
    private object Key(Guid id) => kind == StoreKind.Sqlite ? id.ToString().ToUpperInvariant() : id;
}

public sealed class UpgradeToFileStoreOnSqliteTests() : UpgradeToFileStoreTests(StoreKind.Sqlite, null);

public sealed class UpgradeToFileStoreOnPostgreSqlTests(PostgresServer server) : UpgradeToFileStoreTests(StoreKind.PostgreSql, server);
