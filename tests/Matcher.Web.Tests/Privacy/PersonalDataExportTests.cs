using System.IO.Compression;
using System.Text.Json;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Privacy;
using Microsoft.EntityFrameworkCore;
using static Matcher.Web.Tests.Privacy.PrivacyScenario;

using Matcher.Web.Tests.Stores;

namespace Matcher.Web.Tests.Privacy;

/// <summary>"Download my data": the zip holds all of the person's data and nothing of anyone else.</summary>
public abstract class PersonalDataExportTests(StoreKind kind, PostgresServer? server) : IAsyncLifetime
{
    private PrivacyHost _host = null!;
    private PrivacyScenario _scenario = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await PrivacyHost.StartAsync(store: await TestStore.CreateAsync(kind, server, Ct));
        _scenario = new PrivacyScenario(_host);
        await _scenario.SeedAsync();
        _host.SignIn(Alice);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<ZipArchive> ExportAsync() => new(new MemoryStream(await _host.Get<PersonalDataExport>().BuildAsync(Ct)), ZipArchiveMode.Read);

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static JsonElement Json(ZipArchive zip, string path) => JsonDocument.Parse(Text(zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is missing"))).RootElement;

    [Fact]
    public async Task The_zip_has_the_account_sessions_cvs_postings_shares_and_audit_files()
    {
        using var zip = await ExportAsync();
        var names = zip.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(Alice.Email, Json(zip, "account.json").GetProperty("email").GetString());
        Assert.Equal(["advisor", "candidate", "coordinator"], Json(zip, "account.json").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var session = Json(zip, $"sessions/{_scenario.AliceSessionId}.json");
        Assert.Equal(_scenario.AliceReportId, session.GetProperty("reports")[0].GetProperty("id").GetGuid());
        Assert.True(session.GetProperty("reports")[0].GetProperty("report").GetProperty("requirements").GetArrayLength() > 0);
        Assert.Contains(AlicePhrase, session.GetProperty("notes")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Alice showed her field logbook", session.GetProperty("overrides")[0].GetProperty("reason").GetString());

        var originals = zip.Entries.Where(e => e.FullName.StartsWith("cvs/", StringComparison.Ordinal) && e.Name == AliceCvFile).ToList();
        Assert.Equal(2, originals.Count);
        using (var copy = new MemoryStream())
        {
            await originals[0].Open().CopyToAsync(copy, Ct);
            Assert.Equal(Fixtures.Bytes("privacy", AliceCvFile), copy.ToArray());
        }
        foreach (var original in originals)
        {
            var parsed = original.FullName.Replace(AliceCvFile, "cv.json", StringComparison.Ordinal);
            Assert.Contains(AlicePhrase, Json(zip, parsed).GetProperty("parsed").GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, names.Count(n => n.StartsWith("postings/", StringComparison.Ordinal)));
        var posting = Json(zip, $"postings/{_scenario.AliceLibraryPostingId}.json");
        Assert.Equal("ranger-posting.md", posting.GetProperty("sourceName").GetString());
        Assert.Contains(posting.GetProperty("posting").GetProperty("positions")[0].GetProperty("requirements").EnumerateArray(),
            r => r.GetProperty("text").GetString()!.Contains("GIS mapping", StringComparison.Ordinal));
        Assert.Equal(["made", "received"], Json(zip, "shares.json").EnumerateArray().Select(s => s.GetProperty("direction").GetString()).Order());
        var audit = Json(zip, "audit.json").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains(AuditActions.SignIn, audit);
        Assert.Contains(AuditActions.Override, audit);
        Assert.Equal("Advice from Alice Quokkason", Json(zip, "sessions/shared-with-me.json").GetProperty("notes")[0].GetProperty("text").GetString());
        Assert.Contains($"rankings/{_scenario.AliceJobId}.json", names);
    }

    [Fact]
    public async Task The_zip_holds_nothing_of_the_other_person()
    {
        using var zip = await ExportAsync();

        var everything = string.Join("\n", zip.Entries.Select(Text));
        Assert.Contains(Alice.DisplayName, everything, StringComparison.Ordinal);
        foreach (var trace in new[] { Bob.Id, Bob.Email, Bob.DisplayName, "Paul Hendricks", "Bob's own note", BobCvFile, "Lakeside Hospital" })
            Assert.DoesNotContain(trace, everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_advisors_private_notes_on_the_persons_session_stay_out_even_after_the_share_is_revoked()
    {
        const string bobsNote = "Private to Bob: ask about the gap in 2021";
        _host.SignIn(Bob);
        Assert.NotNull(await _host.Get<Matcher.Web.Services.Sessions.SessionNotes>().SaveAsync(_scenario.AliceSessionId, bobsNote, Ct));
        _host.SignIn(Alice);

        using (var shared = await ExportAsync())
            Assert.DoesNotContain(shared.Entries, e => Text(e).Contains(bobsNote, StringComparison.Ordinal));

        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
            await db.SessionShares.Where(s => s.SessionId == _scenario.AliceSessionId).ExecuteDeleteAsync(Ct);
        using (var revoked = await ExportAsync())
        {
            Assert.DoesNotContain(revoked.Entries, e => Text(e).Contains(bobsNote, StringComparison.Ordinal));
            var notes = Json(revoked, $"sessions/{_scenario.AliceSessionId}.json").GetProperty("notes");
            Assert.Contains(AlicePhrase, Assert.Single(notes.EnumerateArray()).GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        _host.SignIn(Bob);
        using var bobs = await ExportAsync();
        Assert.Contains(bobsNote, Text(bobs.GetEntry("sessions/shared-with-me.json")!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_is_recorded_in_the_audit_log()
    {
        using var zip = await ExportAsync();

        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        var entry = await db.AuditLog.OrderBy(a => a.Id).LastAsync(Ct);
        Assert.Equal(AuditActions.Export, entry.Action);
        Assert.Equal(Alice.Id, entry.ActorId);
    }
}

public sealed class PersonalDataExportOnSqliteTests() : PersonalDataExportTests(StoreKind.Sqlite, null);

public sealed class PersonalDataExportOnPostgreSqlTests(PostgresServer server) : PersonalDataExportTests(StoreKind.PostgreSql, server);
