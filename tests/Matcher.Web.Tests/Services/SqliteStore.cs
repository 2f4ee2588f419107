using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Services;

/// <summary>A real, migrated SQLite file in a temp folder (a copy of the run's migrated template), deleted afterwards.</summary>
public sealed class SqliteStore : IDbContextFactory<MatcherDbContext>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("matcher-web-tests-").FullName;
    private readonly DbContextOptions<MatcherDbContext> _options;

    public SqliteStore()
    {
        var database = Path.Combine(_folder, "matcher.db");
        Matcher.Web.Tests.Stores.MigratedSqlite.CopyTo(database);
        _options = new DbContextOptionsBuilder<MatcherDbContext>()
            .UseSqlite($"Data Source={database};Pooling=False")
            .Options;
    }

    public MatcherDbContext CreateDbContext() => new(_options);

    /// <summary>The file store beside the database, as the app keeps it.</summary>
    public Matcher.Data.Files.FileStore Files => field ??= new(Path.Combine(_folder, "files"));

    /// <summary>Stores an empty session of the given owner and returns its id.</summary>
    public Guid AddSession(string owner)
    {
        using var db = CreateDbContext();
        var session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = owner, Title = "Session", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Sessions.Add(session);
        db.SaveChanges();
        return session.Id;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
