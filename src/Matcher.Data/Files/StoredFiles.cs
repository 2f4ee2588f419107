using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Data.Files;

/// <summary>What ties rows to the file store: which files are still used, and moving originals out of the database.</summary>
public static class StoredFiles
{
    private const int MoveBatchSize = 20;

    /// <summary>
    /// Deletes those of the given files that no CV or applicant row references any more. Runs after the deleting
    /// transaction has committed: a rolled-back erasure must find its files still there, and a file shared with
    /// another owner's row stays until that row is gone too. Returns how many files were deleted.
    /// </summary>
    public static async Task<int> DeleteUnreferencedAsync(MatcherDbContext db, FileStore files, IEnumerable<string?> keys, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var key in keys.OfType<string>().Where(FileStore.IsKey).Distinct(StringComparer.Ordinal))
        {
            if (await db.Cvs.AnyAsync(c => c.FileSha256 == key, cancellationToken)
                || await db.RankingApplicants.AnyAsync(a => a.FileSha256 == key, cancellationToken))
                continue;
            if (files.Delete(key))
                deleted++;
        }
        return deleted;
    }

    /// <summary>
    /// Moves originals still held in the database (stores from before the file store) to the file store: writes
    /// each file, then records its key and clears the column, a few rows at a time, so an interrupted start moves
    /// the rest next time and never loses a file. Several instances may run it together: the files are named by
    /// their content and a row is only cleared once its file is on disk. Returns how many rows were moved.
    /// </summary>
    public static async Task<int> MoveOriginalsOutOfDatabaseAsync(IDbContextFactory<MatcherDbContext> dbFactory, FileStore files, ILogger logger, CancellationToken cancellationToken)
    {
        var moved = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var cvs = await db.Cvs.Where(c => c.OriginalFile != null).OrderBy(c => c.Id).Take(MoveBatchSize)
                .Select(c => new { c.Id, c.OriginalFile }).ToListAsync(cancellationToken);
            foreach (var cv in cvs)
            {
                var key = await files.SaveAsync(cv.OriginalFile!, cancellationToken);
                await db.Cvs.Where(c => c.Id == cv.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.FileSha256, key).SetProperty(c => c.OriginalFile, (byte[]?)null), cancellationToken);
            }
            var applicants = await db.RankingApplicants.Where(a => a.OriginalFile != null).OrderBy(a => a.Id).Take(MoveBatchSize)
                .Select(a => new { a.Id, a.OriginalFile }).ToListAsync(cancellationToken);
            foreach (var applicant in applicants)
            {
                // A CV refused on upload was stored without its bytes; it has no file to keep.
                var key = applicant.OriginalFile!.Length == 0 ? null : await files.SaveAsync(applicant.OriginalFile, cancellationToken);
                await db.RankingApplicants.Where(a => a.Id == applicant.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.FileSha256, key).SetProperty(a => a.OriginalFile, (byte[]?)null), cancellationToken);
            }
            moved += cvs.Count + applicants.Count;
            if (cvs.Count + applicants.Count == 0)
                break;
        }
        if (moved > 0)
            logger.LogInformation("Moved {Count} original file(s) from the database to the file store in {Folder}", moved, files.Folder);
        return moved;
    }

    /// <summary>
    /// Deletes files written before the cutoff that no row uses: CVs listed for a ranking that was never started,
    /// and scratch files of uploads cut short by a stop. Returns how many files went.
    /// </summary>
    public static async Task<int> DeleteUnusedAsync(MatcherDbContext db, FileStore files, DateTime cutoffUtc, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in files.FilesWrittenBefore(cutoffUtc).Chunk(500))
        {
            var keys = chunk.Select(f => f.Key).OfType<string>().ToList();
            var used = (await db.Cvs.Where(c => c.FileSha256 != null && keys.Contains(c.FileSha256)).Select(c => c.FileSha256!)
                    .Concat(db.RankingApplicants.Where(a => a.FileSha256 != null && keys.Contains(a.FileSha256)).Select(a => a.FileSha256!))
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (key, path) in chunk)
            {
                if (key is null)
                {
                    try { File.Delete(path); deleted++; } catch (IOException) { }
                }
                else if (!used.Contains(key) && files.Delete(key))
                    deleted++;
            }
        }
        return deleted;
    }

    /// <summary>
    /// The start-up step after migrating: moves any originals still in the database to the file store. Files left
    /// unused are removed by the web app's privacy worker, at start and then periodically.
    /// </summary>
    public static async Task<int> PrepareFileStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<MatcherDbContext>>();
        var files = services.GetRequiredService<FileStore>();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(StoredFiles)) ?? NullLogger.Instance;
        return await MoveOriginalsOutOfDatabaseAsync(dbFactory, files, logger, cancellationToken);
    }
}
