using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Cvs;

public sealed record SavedCv(Guid Id, Guid? SessionId, string FileName, string Format, DateTimeOffset CreatedAt, CvDocument Cv);

/// <summary>
/// Stored CVs of the signed-in owner and the corrections people make to them. A correction replaces the
/// parsed CV that matching uses; the extracted text and the original file are never changed.
/// </summary>
public sealed class CvStore(IDbContextFactory<MatcherDbContext> dbFactory, AccessScope access, TimeProvider clock, ILogger<CvStore> logger)
{
    public async Task<SavedCv?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await access.Visible<CvEntity>(db).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return row is null ? null : new SavedCv(row.Id, row.SessionId, row.FileName, row.Format, row.CreatedAt, Deserialize(row));
    }

    /// <summary>Saves a corrected CV (its owner only) and returns it as stored, with its years of experience counted again.</summary>
    public async Task<CvDocument> SaveCorrectionsAsync(Guid id, CvDocument corrected, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await access.Editable<CvEntity>(db).SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("That CV no longer exists, so the corrections could not be saved.");
        var stored = corrected with
        {
            Text = row.Text,
            TotalYearsExperience = ExperienceCalculator.TotalYears(corrected.Experience, Today(clock)),
        };
        row.ParsedJson = JsonSerializer.Serialize(stored, MatcherJson.Options);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Saved corrections to CV {CvId}", id);
        return stored;
    }

    internal static YearMonth Today(TimeProvider clock) => YearMonth.From(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    internal static CvDocument Deserialize(CvEntity row) =>
        JsonSerializer.Deserialize<CvDocument>(row.ParsedJson, MatcherJson.Options)
        ?? throw new InvalidDataException($"CV {row.Id} could not be read.");
}
