using Matcher.Data;
using Microsoft.Data.Sqlite;

namespace Matcher.Web.Tests.Stores;

public enum StoreKind { Sqlite, PostgreSql }

/// <summary>
/// An empty store for one test, of either kind the app supports: a SQLite file in a temp folder (a copy of
/// <see cref="MigratedSqlite"/>), or a fresh database on the test cluster (a copy of its migrated template); either is
/// already migrated unless asked otherwise. Tests that hold for both inherit one base and run once per kind. Either way its
/// file store is a temp folder of its own.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string _filesFolder;

    private TestStore(StoreOptions options, string? folder, string filesFolder)
    {
        Options = options;
        _folder = folder;
        _filesFolder = filesFolder;
        options.FilesFolder = filesFolder;
    }

    /// <summary>Where the store's original files are kept.</summary>
    public string FilesFolder => _filesFolder;

    public StoreOptions Options { get; }

    /// <summary>The SQLite file, for tests that read its bytes; none on PostgreSQL.</summary>
    public string? SqlitePath => _folder is null ? null : Path.Combine(_folder, "matcher.db");

    public StoreKind Kind => Options.IsPostgreSql ? StoreKind.PostgreSql : StoreKind.Sqlite;

    /// <param name="migrated">False for a store with no schema at all, as before an install's first start.</param>
    public static async Task<TestStore> CreateAsync(StoreKind kind, PostgresServer? server, CancellationToken cancellationToken, bool migrated = true)
    {
        if (kind == StoreKind.PostgreSql)
        {
            ArgumentNullException.ThrowIfNull(server);
            var connection = migrated
                ? await server.CreateMigratedDatabaseAsync(cancellationToken)
                : await server.CreateDatabaseAsync(cancellationToken);
            return new(new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = connection }, null,
                Directory.CreateTempSubdirectory("matcher-files-").FullName);
        }
        var folder = Directory.CreateTempSubdirectory("matcher-store-").FullName;
        if (migrated)
            MigratedSqlite.CopyTo(Path.Combine(folder, "matcher.db"));
        return new(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(folder, "matcher.db")}" }, folder, Path.Combine(folder, "files"));
    }

    public ValueTask DisposeAsync()
    {
        // A PostgreSQL database goes with the cluster at the end of the run; its files go now.
        if (_folder is null)
            try { Directory.Delete(_filesFolder, recursive: true); } catch (IOException) { }
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        return ValueTask.CompletedTask;
    }
}
