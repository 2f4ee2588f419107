using Matcher.Data.Entities;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Privacy;
using Microsoft.EntityFrameworkCore;
using static Matcher.Web.Tests.Privacy.PrivacyScenario;

using Matcher.Web.Tests.Stores;

namespace Matcher.Web.Tests.Privacy;

/// <summary>"Delete my data" against a real store holding two people's data.</summary>
public abstract class PersonalDataEraserTests(StoreKind kind, PostgresServer? server) : IAsyncLifetime
{
    private PrivacyHost _host = null!;
    private PrivacyScenario _scenario = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await PrivacyHost.StartAsync(store: await TestStore.CreateAsync(kind, server, Ct));
        _scenario = new PrivacyScenario(_host);
        await _scenario.SeedAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private IReadOnlyList<string> AliceMarkers() =>
        [Alice.Id, Alice.Email, Alice.DisplayName, AliceCvFile, AlicePhrase, ApplicantFile, "wombat burrow survey", .. _scenario.KeysAddedByAlice];

    [Fact]
    public async Task After_deleting_my_data_no_table_holds_any_trace_of_me()
    {
        var before = await StoreScan.ReadAllAsync(_host.Db, Ct);
        Assert.NotEmpty(_scenario.KeysAddedByAlice);
        // Every kind of trace is really there before, so finding none afterwards means something.
        foreach (var marker in new[] { Alice.Id, Alice.Email, Alice.DisplayName, AliceCvFile, AlicePhrase, ApplicantFile, _scenario.KeysAddedByAlice.First() })
            Assert.NotEmpty(StoreScan.Traces(before, [marker]));

        _host.SignIn(Alice);
        Assert.True(await _host.Get<PersonalDataEraser>().DeleteMyDataAsync(Ct));

        var after = await StoreScan.ReadAllAsync(_host.Db, Ct);
        Assert.Empty(StoreScan.Traces(after, AliceMarkers()));
    }

    [Fact]
    public async Task Deleting_my_data_leaves_the_other_persons_rows_as_they_were()
    {
        var before = await StoreScan.ReadAllAsync(_host.Db, Ct);
        // Bob's rows that have nothing of Alice in them: his account, session, CV, report, note, audit entries.
        var bobsOwn = before.Where(r => r.Table != "Embeddings" && r.Mentions(Bob.Id) && StoreScan.Traces([r], AliceMarkers()).Count == 0)
            .Select(r => r.Table + ": " + r.Flat).ToList();
        Assert.Contains(bobsOwn, r => r.StartsWith("Cvs:", StringComparison.Ordinal));
        Assert.Contains(bobsOwn, r => r.StartsWith("Reports:", StringComparison.Ordinal));

        _host.SignIn(Alice);
        await _host.Get<PersonalDataEraser>().EraseAsync(Alice.Id, Ct);

        var after = (await StoreScan.ReadAllAsync(_host.Db, Ct)).Select(r => r.Table + ": " + r.Flat).ToHashSet(StringComparer.Ordinal);
        Assert.All(bobsOwn, row => Assert.Contains(row, after));
        Assert.Empty(_scenario.KeysBeforeAlice.Except(await _scenario.EmbeddingKeysAsync()));
        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        Assert.True(await db.Users.AnyAsync(u => u.Id == Bob.Id, Ct));
        Assert.Equal(6, await db.UserRoles.CountAsync(Ct) + await db.UserClaims.CountAsync(Ct) + await db.UserLogins.CountAsync(Ct) + await db.UserTokens.CountAsync(Ct));
    }

    [Fact]
    public async Task A_posting_that_another_persons_ranking_uses_is_handed_to_them_and_kept()
    {
        _host.SignIn(Alice);
        var counts = await _host.Get<PersonalDataEraser>().EraseAsync(Alice.Id, Ct);

        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var posting = await db.Postings.Include(p => p.Positions).ThenInclude(p => p.Requirements).SingleAsync(p => p.Id == _scenario.AliceLibraryPostingId, Ct);
        Assert.Equal(Bob.Id, posting.OwnerId);
        Assert.NotEmpty(posting.Positions.SelectMany(p => p.Requirements));
        Assert.Equal(1, counts.PostingsHandedOver);
        // The posting Alice pasted on Check my fit was hers alone, so it went.
        Assert.Equal(1, counts.Postings);
        Assert.Equal(1, await db.RankingJobs.CountAsync(Ct));
    }

    [Fact]
    public async Task My_audit_entries_keep_their_action_without_my_name_and_a_deletion_entry_is_added()
    {
        _host.SignIn(Alice);
        await _host.Get<PersonalDataEraser>().EraseAsync(Alice.Id, Ct);

        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var entries = await db.AuditLog.OrderBy(a => a.Id).ToListAsync(Ct);
        var signIn = Assert.Single(entries, e => e.Action == AuditActions.SignIn);
        Assert.Null(signIn.ActorId);
        Assert.Equal(PersonalDataEraser.DeletedUserName, signIn.ActorName);
        var bobsShare = Assert.Single(entries, e => e.Action == AuditActions.ShareCreated);
        Assert.Equal(Bob.Id, bobsShare.ActorId);
        Assert.Equal($"advisor {PersonalDataEraser.DeletedUserName}", bobsShare.Details);
        var deletion = entries[^1];
        Assert.Equal(AuditActions.Deletion, deletion.Action);
        Assert.Null(deletion.ActorId);
        Assert.Contains("sessions=1 cvs=2", deletion.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_part_way_leaves_everything_in_place()
    {
        var before = await StoreScan.ReadAllAsync(_host.Db, Ct);
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
        {
            // A trigger makes the very last step (removing the account row) fail, after everything else ran.
            await db.Database.ExecuteSqlRawAsync(kind == StoreKind.PostgreSql
                ? """
                  CREATE FUNCTION refuse_user_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
                  CREATE TRIGGER refuse_user_delete BEFORE DELETE ON "AspNetUsers" FOR EACH ROW EXECUTE FUNCTION refuse_user_delete();
                  """
                : "CREATE TRIGGER refuse_user_delete BEFORE DELETE ON AspNetUsers BEGIN SELECT RAISE(ABORT, 'refused'); END;", Ct);
        }

        _host.SignIn(Alice);
        Assert.False(await _host.Get<PersonalDataEraser>().DeleteMyDataAsync(Ct));

        var after = await StoreScan.ReadAllAsync(_host.Db, Ct);
        Assert.Equal(before.Select(r => r.Table + r.Flat).Order(StringComparer.Ordinal), after.Select(r => r.Table + r.Flat).Order(StringComparer.Ordinal));
    }
}

public sealed class PersonalDataEraserOnSqliteTests() : PersonalDataEraserTests(StoreKind.Sqlite, null);

public sealed class PersonalDataEraserOnPostgreSqlTests(PostgresServer server) : PersonalDataEraserTests(StoreKind.PostgreSql, server);
