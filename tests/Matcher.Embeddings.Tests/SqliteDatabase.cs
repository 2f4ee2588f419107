using Matcher.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Embeddings.Tests;

/// <summary>A migrated SQLite file in a temp folder, deleted afterwards.</summary>
internal sealed class SqliteDatabase : IDbContextFactory<MatcherDbContext>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-embeddings-").FullName;
    private readonly DbContextOptions<MatcherDbContext> _options;

    public SqliteDatabase()
    {
        _options = new DbContextOptionsBuilder<MatcherDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "matcher.db")};Pooling=False").Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public MatcherDbContext CreateDbContext() => new(_options);

    public int EmbeddingRows()
    {
        using var db = CreateDbContext();
        return db.Embeddings.Count();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
