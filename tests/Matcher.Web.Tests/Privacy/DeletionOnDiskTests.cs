using System.Text;
using Matcher.Web.Services.Privacy;
using Microsoft.EntityFrameworkCore;
using static Matcher.Web.Tests.Privacy.PrivacyScenario;

namespace Matcher.Web.Tests.Privacy;

/// <summary>
/// "Delete my data" is real on disk: the bytes of the database file and its journal or write-ahead log are
/// searched directly, as someone holding a copy of the files would, not through the tables.
/// </summary>
public sealed class DeletionOnDiskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Alice's e-mail, name, CV file name, a phrase of her CV text and notes, and her advice on Bob's session.
    private static readonly string[] Markers =
        [Alice.Email, Alice.DisplayName, AliceCvFile, AlicePhrase, "Advice from Alice", "field logbook"];

    [Theory]
    [InlineData("DELETE")]
    [InlineData("WAL")]
    public async Task After_deleting_my_data_the_database_files_hold_none_of_my_text(string journalMode)
    {
        await using var host = await PrivacyHost.StartAsync(new Dictionary<string, string?> { ["Matcher:Privacy:VacuumAfterErasure"] = "false" });
        await SetJournalModeAsync(host, journalMode);
        await new PrivacyScenario(host).SeedAsync();
        // Every marker is in the files before, so finding none afterwards means something.
        Assert.All(Markers, marker => Assert.NotEmpty(FilesHolding(host, marker)));

        host.SignIn(Alice);
        Assert.True(await host.Get<PersonalDataEraser>().DeleteMyDataAsync(Ct));

        Assert.All(Markers, marker => Assert.Empty(FilesHolding(host, marker)));
    }

    [Fact]
    public async Task With_vacuum_the_file_keeps_no_free_pages_and_Bobs_data_stays()
    {
        await using var host = await PrivacyHost.StartAsync();
        await new PrivacyScenario(host).SeedAsync();

        host.SignIn(Alice);
        Assert.True(await host.Get<PersonalDataEraser>().DeleteMyDataAsync(Ct));

        Assert.Equal(0L, await PragmaAsync(host, "freelist_count"));
        Assert.All(Markers, marker => Assert.Empty(FilesHolding(host, marker)));
        Assert.NotEmpty(FilesHolding(host, Bob.Email));
    }

    private static async Task SetJournalModeAsync(PrivacyHost host, string mode) =>
        Assert.Equal(mode, Convert.ToString(await PragmaAsync(host, $"journal_mode = {mode}")), ignoreCase: true);

    private static async Task<object?> PragmaAsync(PrivacyHost host, string pragma)
    {
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>Names of the store's files (database, journal, log) whose raw bytes contain the text, in any case.</summary>
    private static List<string> FilesHolding(PrivacyHost host, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text.ToLowerInvariant());
        var found = new List<string>();
        foreach (var path in new[] { host.DatabasePath, host.DatabasePath + "-wal", host.DatabasePath + "-journal" })
        {
            if (!File.Exists(path))
                continue;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] is >= (byte)'A' and <= (byte)'Z')
                    bytes[i] += 'a' - 'A';
            if (bytes.AsSpan().IndexOf(needle) >= 0)
                found.Add(Path.GetFileName(path));
        }
        return found;
    }
}
