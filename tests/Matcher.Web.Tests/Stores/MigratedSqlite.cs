using Matcher.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Stores;

/// <summary>
/// A SQLite file with every migration applied, made once per test run. A test's store starts as a copy of it: the
/// same schema the app migrates to, for the price of a file copy instead of running each migration again.
/// </summary>
public static class MigratedSqlite
{
    private static readonly Lazy<string> Template = new(Create);

    /// <summary>Puts a freshly migrated, empty database at <paramref name="path"/>.</summary>
    public static void CopyTo(string path) => File.Copy(Template.Value, path);

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("matcher-migrated-").FullName;
        var path = Path.Combine(folder, "matcher.db");
        var options = StoreServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<MatcherDbContext>(),
            new StoreOptions { ConnectionString = $"Data Source={path};Pooling=False" }).Options;
        using (var db = new MatcherDbContext(options))
            db.Database.Migrate();
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        return path;
    }
}
