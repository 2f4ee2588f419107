using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Core.Serialization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Naming;
using Matcher.Web.Services.Work;

namespace Matcher.Web.Services.Postings;

/// <summary>A saved posting as its page shows it.</summary>
/// <summary>What a line that was not scored becomes when its posting's owner decides it should count.</summary>
public enum LineUse { Required, Preferred, Responsibility }

public sealed record PostingDetail(Guid Id, Posting Posting, string? SourceName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsMine = true, bool SharedWithTeam = false);

/// <summary>
/// The caller's posting library: import (file, pasted text or web address), read, edit a position's
/// requirements, delete. A posting is read completely before anything is saved, so a failed read saves nothing.
/// </summary>
public sealed class PostingLibrary(
    IDbContextFactory<MatcherDbContext> dbFactory,
    ICurrentUser user,
    AccessScope access,
    DocumentReader documents,
    PostingReader reader,
    PostingUrlFetcher fetcher,
    TimeProvider clock,
    CircuitWork circuit,
    ILogger<PostingLibrary> logger)
{
    public async Task<Guid> ImportFileAsync(UploadedFile file, CancellationToken cancellationToken = default)
    {
        using var work = circuit.Link(cancellationToken);
        var content = documents.Read(file.Content, file.Name, work.Token);
        return await SaveAsync(reader.Read(content), content.Markup ?? content.Text, Path.GetFileName(file.Name), work.Token);
    }

    public Task<Guid> ImportTextAsync(string? text, CancellationToken cancellationToken = default)
    {
        var posting = reader.ReadText(text ?? "");
        return SaveAsync(posting, text!, null, cancellationToken);
    }

    public async Task<Guid> ImportUrlAsync(string? address, CancellationToken cancellationToken = default)
    {
        using var work = circuit.Link(cancellationToken);
        var fetched = await fetcher.FetchAsync(address ?? "", work.Token);
        var content = documents.Read(fetched.Content, fetched.Name, work.Token);
        return await SaveAsync(reader.Read(content), content.Markup ?? content.Text, fetched.Name, work.Token);
    }

    public async Task<PostingDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await access.Visible<PostingEntity>(db).AsNoTracking()
            .Include(p => p.Positions).ThenInclude(p => p.Requirements)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return entity is null
            ? null
            : new PostingDetail(entity.Id, PostingMapping.ToPosting(entity), entity.SourceName, entity.CreatedAt, entity.UpdatedAt,
                access.IsMine(entity), entity.SharedWithTeam);
    }

    /// <summary>Opens one's own posting to the other coordinators of one's team (they read and rank; only the owner edits).</summary>
    public async Task SetSharedWithTeamAsync(Guid id, bool shared, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await access.Editable<PostingEntity>(db).Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SharedWithTeam, shared), cancellationToken);
    }

    /// <summary>Renames one's own posting (see <see cref="PostingMapping.Rename"/>); reports already saved keep the name they were made under.</summary>
    public async Task<string> RenameAsync(Guid id, string? title, CancellationToken cancellationToken = default)
    {
        var name = Titles.Clean(title, "Give the posting a name, for example its job title.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posting = await access.Editable<PostingEntity>(db).Include(p => p.Positions)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("That posting no longer exists, or it is a teammate's: only its owner can rename it.");
        PostingMapping.Rename(posting, name);
        posting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Renamed posting {PostingId}", id);
        return name;
    }

    /// <summary>
    /// Replaces a position's requirements with the edited list: rows with a known key are updated in place,
    /// new ones get fresh keys, and rows missing from the list are deleted. Returns the saved requirements.
    /// </summary>
    public async Task<IReadOnlyList<Requirement>> UpdatePositionAsync(
        Guid postingId, int positionIndex, IReadOnlyList<Requirement> requirements, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (posting, position) = await LoadOwnPositionAsync(db, postingId, positionIndex, cancellationToken);

        var rows = position.Requirements.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var saved = RequirementEdits.Normalise(requirements, rows.Keys);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (var order = 0; order < saved.Count; order++)
        {
            var requirement = saved[order];
            if (!rows.TryGetValue(requirement.Id, out var row))
            {
                row = new RequirementEntity { Id = Guid.NewGuid(), PositionId = position.Id, Key = requirement.Id, Text = "", Kind = "", Category = "" };
                db.Requirements.Add(row);
            }
            kept.Add(requirement.Id);
            Apply(requirement, order, row);
        }
        db.Requirements.RemoveRange(position.Requirements.Where(r => !kept.Contains(r.Key)));
        posting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Saved {Count} requirements of position {Index} in posting {PostingId}", saved.Count, positionIndex, postingId);
        return saved;
    }

    /// <summary>One of the user's own postings with the one position being changed and its requirements; a teammate's posting cannot be changed.</summary>
    private async Task<(PostingEntity Posting, PositionEntity Position)> LoadOwnPositionAsync(
        MatcherDbContext db, Guid postingId, int positionIndex, CancellationToken cancellationToken)
    {
        var posting = await access.Editable<PostingEntity>(db)
            .Include(p => p.Positions.Where(x => x.Index == positionIndex)).ThenInclude(p => p.Requirements)
            .SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken)
            ?? throw new NotFoundException("That posting no longer exists, or it is a teammate's: only its owner can change it.");
        var position = posting.Positions.SingleOrDefault()
            ?? throw new NotFoundException($"The posting has no position {positionIndex + 1}. Reload the page.");
        return (posting, position);
    }

    /// <summary>
    /// Moves a line the reader did not score (benefits, legal text, a condition…) into a position as a requirement
    /// or a responsibility, so the next match counts it. The line leaves the not-scored list.
    /// </summary>
    public async Task ScoreLineAsync(Guid postingId, string text, int positionIndex, LineUse use, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (posting, position) = await LoadOwnPositionAsync(db, postingId, positionIndex, cancellationToken);
        if (PostingMapping.TakeNotScored(posting, text) is null)
            throw new NotFoundException("That line is no longer among the lines not scored; it may have been scored already. Reload the page.");

        if (use == LineUse.Responsibility)
        {
            var duties = JsonSerializer.Deserialize<List<string>>(position.ResponsibilitiesJson, MatcherJson.Options) ?? [];
            duties.Add(text.Trim());
            position.ResponsibilitiesJson = JsonSerializer.Serialize(duties, MatcherJson.Options);
        }
        else
        {
            var requirement = PostingReader.RequirementFrom(text, use == LineUse.Preferred ? RequirementKind.Preferred : RequirementKind.Required);
            var keys = position.Requirements.Select(r => r.Key).ToList();
            var keyed = RequirementEdits.Normalise([requirement], keys)[0];
            var row = new RequirementEntity { Id = Guid.NewGuid(), PositionId = position.Id, Key = keyed.Id, Text = "", Kind = "", Category = "" };
            Apply(keyed, position.Requirements.Count == 0 ? 0 : position.Requirements.Max(r => r.Order) + 1, row);
            db.Requirements.Add(row);
        }
        posting.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Scored a line of posting {PostingId} as a {Use} of position {Index}", postingId, use, positionIndex);
    }

    /// <summary>Deletes a posting with its positions and requirements. Refused while saved reports still use it.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posting = await access.Editable<PostingEntity>(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (posting is null)
            return false;
        var reports = await access.Owned<ReportEntity>(db).CountAsync(r => r.PostingId == id, cancellationToken);
        if (reports > 0)
            throw new InputException($"This posting is used by {reports} saved report{(reports == 1 ? "" : "s")}, so it is kept. Delete those sessions first.");
        db.Postings.Remove(posting);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Deleted posting {PostingId}", id);
        return true;
    }

    private async Task<Guid> SaveAsync(Posting posting, string sourceText, string? sourceName, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The same text imported again is the posting already in the library, with any edits made to it since.
        var existing = await access.Owned<PostingEntity>(db).Where(p => p.SourceText == sourceText)
            .OrderBy(p => p.CreatedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            logger.LogInformation("Posting {PostingId} imported again; kept the one in the library", id);
            return id;
        }
        var entity = PostingMapping.ToEntity(posting, user.Id, sourceText, sourceName, clock.GetUtcNow());
        db.Postings.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Imported posting {PostingId} with {Positions} positions", entity.Id, entity.Positions.Count);
        return entity.Id;
    }

    private static void Apply(Requirement requirement, int order, RequirementEntity row)
    {
        row.Order = order;
        row.Text = requirement.Text;
        row.Kind = requirement.Kind.ToString();
        row.Category = requirement.Category.ToString();
        row.Weight = requirement.Weight;
        row.MinYears = requirement.MinYears;
        row.Degree = requirement.Degree?.ToString();
        row.EquivalentExperienceAccepted = requirement.EquivalentExperienceAccepted;
    }
}
