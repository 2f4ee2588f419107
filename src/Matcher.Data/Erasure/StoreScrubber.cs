using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Matcher.Data.Erasure;

/// <summary>What was done to the database files after an erasure.</summary>
public sealed record ScrubResult(bool Checkpointed, bool Vacuumed);

/// <summary>
/// Makes an erasure final in the database files, not only in the tables. <c>secure_delete</c> has already zeroed
/// the deleted rows in the pages; this moves those pages out of the write-ahead log (where older copies of them,
/// still holding the deleted text, would otherwise wait for the next checkpoint) and truncates the log, and on
/// request rebuilds the file with VACUUM so it keeps no free pages at all.
/// </summary>
public static class StoreScrubber
{
    /// <summary>
    /// Runs after the erasing transaction has committed. A scrub that cannot run now (another connection is
    /// reading) is logged and left to SQLite's next automatic checkpoint; the erasure itself stands either way.
    /// </summary>
    public static async Task<ScrubResult> ScrubAsync(MatcherDbContext db, bool vacuum, ILogger logger, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
            return new ScrubResult(false, false);
        var checkpointed = await TryAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);", "checkpoint", logger, cancellationToken);
        // VACUUM copies the whole file, the embedding cache included, so on a large store it takes a while;
        // it is for erasures of a whole person, which are rare, and can be turned off.
        var vacuumed = vacuum && await TryAsync(db, "VACUUM;", "VACUUM", logger, cancellationToken);
        // VACUUM in WAL mode writes the rebuilt pages to the log; move them into the file as well.
        if (vacuumed)
            await TryAsync(db, "PRAGMA wal_checkpoint(TRUNCATE);", "checkpoint", logger, cancellationToken);
        return new ScrubResult(checkpointed, vacuumed);
    }

    private static async Task<bool> TryAsync(MatcherDbContext db, string sql, string what, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            // Not ExecuteSqlRaw: VACUUM cannot run inside the transaction EF would open around it.
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
                await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // wal_checkpoint answers (busy, log pages, pages moved); busy = 1 means readers kept it from finishing.
            if (await reader.ReadAsync(cancellationToken) && reader.FieldCount == 3 && reader.GetInt32(0) != 0)
            {
                logger.LogWarning("The write-ahead log could not be emptied after an erasure because the store is in use; SQLite's next checkpoint will move the zeroed pages");
                return false;
            }
            return true;
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "The {What} after an erasure did not run; the deleted rows are already zeroed in their pages", what);
            return false;
        }
    }
}
