using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Files;
using Matcher.Data.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Ranking;

/// <summary>
/// Starts, reads and updates ranking jobs: the caller's own, and those other coordinators of the caller's
/// team chose to share (readable, and open to decisions). The worker does the scoring.
/// </summary>
public sealed class RankingJobs(
    IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, AccessScope access, RankingSignal signal, TimeProvider clock, IOptions<RankingOptions> options, FileStore fileStore)
{
    /// <summary>Starts a ranking of files held in memory; each goes to the file store first.</summary>
    public async Task<Guid> StartAsync(Guid postingId, IReadOnlyList<int> positions, IReadOnlyList<ApplicantFile> files, bool blind, CancellationToken cancellationToken = default)
    {
        CheckLimits(files.Count, files.Sum(f => (long)f.Content.Length));
        var staged = new List<StagedApplicant>(files.Count);
        foreach (var file in files)
            staged.Add(file.Refusal is null
                ? new StagedApplicant(file.Name, await fileStore.SaveAsync(file.Content, cancellationToken), file.Content.Length)
                : StagedApplicant.Refused(file.Name, file.Refusal));
        return await StartAsync(postingId, positions, staged, blind, cancellationToken);
    }

    /// <summary>Starts a ranking of CVs the intake already put in the file store.</summary>
    public async Task<Guid> StartAsync(Guid postingId, IReadOnlyList<int> positions, IReadOnlyList<StagedApplicant> files, bool blind, CancellationToken cancellationToken = default)
    {
        CheckLimits(files.Count, files.Sum(f => f.Length));
        if (files.FirstOrDefault(f => f.FileKey is { } key && !fileStore.Contains(key)) is { } lost)
            throw new InputException($"\"{lost.Name}\" is no longer held on the server. Clear the list and add the CVs again.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var posting = await access.Visible<PostingEntity>(db).Include(p => p.Positions)
            .SingleOrDefaultAsync(p => p.Id == postingId, cancellationToken)
            ?? throw new NotFoundException("That posting no longer exists. Choose another one.");
        if (positions.Count == 0 || positions.Any(p => p < 0 || p >= posting.Positions.Count))
            throw new InputException($"Choose a position of the posting (it has {posting.Positions.Count}).");

        var job = new RankingJobEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            PostingId = postingId,
            PositionsJson = JsonSerializer.Serialize(positions, MatcherJson.Options),
            Status = RankingJobStatus.Queued,
            Total = files.Count,
            Blind = blind,
            CreatedAt = clock.GetUtcNow(),
        };
        // Numbered by file name, as the command line does, so "Candidate 7" is the same person in both.
        var number = 0;
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var applicant = new RankingApplicantEntity { Id = Guid.NewGuid(), Number = ++number, FileName = file.Name, FileSha256 = file.FileKey };
            // Refused on upload: listed with its reason so the batch is complete, but its bytes are not stored.
            if (file.Refusal is not null)
            {
                applicant.Error = file.Refusal;
                applicant.ReportsJson = "[]";
                applicant.Processed = true;
                applicant.ProcessedAt = job.CreatedAt;
                job.Done++;
            }
            job.Applicants.Add(applicant);
        }
        db.RankingJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.WorkQueued();
        return job.Id;
    }

    private void CheckLimits(int count, long bytes)
    {
        if (count == 0)
            throw new InputException("Add at least one CV to rank.");
        var limits = options.Value;
        if (count > limits.MaxApplicants)
            throw new InputException($"A ranking takes at most {limits.MaxApplicants:N0} CVs; {count:N0} were added. Remove some, or split them over two rankings.");
        if (bytes > limits.MaxTotalBytes)
            throw new InputException($"The CVs add up to {RankingOptions.Megabytes(bytes)}; one ranking takes at most {RankingOptions.Megabytes(limits.MaxTotalBytes)}. Remove some, or split them over two rankings.");
    }

    public async Task<IReadOnlyList<RankingJobSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from j in Visible(db)
            join p in db.Postings on j.PostingId equals p.Id
            select new { j.Id, p.Title, j.PositionsJson, PositionCount = p.Positions.Count, j.Status, j.Total, j.Done, j.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.CreatedAt).Select(r =>
        {
            var count = JsonSerializer.Deserialize<List<int>>(r.PositionsJson, MatcherJson.Options)?.Count ?? 0;
            var positions = count == r.PositionCount && count > 1 ? "All positions" : count == 1 ? "One position" : $"{count} positions";
            return new RankingJobSummary(r.Id, r.Title, positions, r.Status, r.Total, r.Done, r.CreatedAt);
        }).ToList();
    }

    public async Task<RankingJobView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await Visible(db).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
            return null;
        var posting = await db.Postings.AsNoTracking().AsSplitQuery()
            .Include(p => p.Positions).ThenInclude(p => p.Requirements)
            .SingleAsync(p => p.Id == job.PostingId, cancellationToken);
        var applicants = await ReadApplicantsAsync(db.RankingApplicants.Where(a => a.JobId == id), cancellationToken);
        return new RankingJobView(job.Id, PostingMapping.ToPosting(posting), posting.Title, job.Status, job.Total, job.Done, job.Blind, job.Error,
            job.CreatedAt, job.StartedAt, job.FinishedAt, job.WorkSeconds,
            JsonSerializer.Deserialize<List<int>>(job.PositionsJson, MatcherJson.Options) ?? [],
            applicants, access.IsMine(job), job.SharedWithTeam);
    }

    /// <summary>
    /// The job as it is now, read cheaply from what a page already holds: the job's row and only the applicants
    /// finished since the last one the page has, so following a ranking of thousands does not re-read them all
    /// after every batch. Null when the job is gone or no longer visible.
    /// </summary>
    public async Task<RankingJobView?> RefreshAsync(RankingJobView current, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await Visible(db).AsNoTracking().Where(j => j.Id == current.Id)
            .Select(j => new { j.Status, j.Total, j.Done, j.Blind, j.Error, j.StartedAt, j.FinishedAt, j.WorkSeconds, j.SharedWithTeam })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
            return null;
        var known = current.Applicants.Where(a => a.Processed).Select(a => a.Id).ToList();
        var fresh = await ReadApplicantsAsync(db.RankingApplicants
            .Where(a => a.JobId == current.Id && a.Processed && !known.Contains(a.Id)), cancellationToken);
        var byId = fresh.ToDictionary(a => a.Id);
        var applicants = current.Applicants.Select(a => byId.GetValueOrDefault(a.Id) ?? a).ToList();
        // Counts that disagree mean more changed than new results (an applicant removed meanwhile): then all
        // applicants are read again.
        if (applicants.Count(a => a.Processed) != job.Done || applicants.Count != job.Total)
            applicants = await ReadApplicantsAsync(db.RankingApplicants.Where(a => a.JobId == current.Id), cancellationToken);
        return current with
        {
            Status = job.Status, Total = job.Total, Done = job.Done, Blind = job.Blind, Error = job.Error, StartedAt = job.StartedAt,
            FinishedAt = job.FinishedAt, WorkSeconds = job.WorkSeconds, SharedWithTeam = job.SharedWithTeam, Applicants = applicants,
        };
    }

    private static async Task<List<RankedApplicant>> ReadApplicantsAsync(IQueryable<RankingApplicantEntity> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .OrderBy(a => a.Number)
            .Select(a => new { a.Id, a.Number, a.FileName, a.Name, a.ContactJson, a.Processed, a.Error, a.WarningsJson, a.YearsExperience, a.Degree, a.ReportsJson, a.Decision, a.Note, a.TextSha256 })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new RankedApplicant(a.Id, a.Number, a.FileName, a.Name,
                a.ContactJson is null ? null : JsonSerializer.Deserialize<ContactDetails>(a.ContactJson, MatcherJson.Options),
                a.Processed, a.Error,
                a.WarningsJson is null ? [] : JsonSerializer.Deserialize<List<string>>(a.WarningsJson, MatcherJson.Options) ?? [],
                a.YearsExperience, a.Degree,
                a.ReportsJson is null ? [] : JsonSerializer.Deserialize<List<MatchReport?>>(a.ReportsJson, MatcherJson.Options) ?? [],
                a.Decision, a.Note, a.TextSha256)).ToList();
    }

    /// <summary>Opens a job to the other coordinators of the owner's team, or closes it again.</summary>
    public async Task SetSharedWithTeamAsync(Guid id, bool shared, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await access.Editable<RankingJobEntity>(db).Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.SharedWithTeam, shared), cancellationToken);
    }

    private IQueryable<RankingJobEntity> Visible(MatcherDbContext db) => access.Visible<RankingJobEntity>(db);

    public async Task CancelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await access.Editable<RankingJobEntity>(db)
            .Where(j => j.Id == id && (j.Status == RankingJobStatus.Queued || j.Status == RankingJobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, RankingJobStatus.Cancelled).SetProperty(j => j.FinishedAt, clock.GetUtcNow()), cancellationToken);
        if (changed > 0)
        {
            signal.RequestCancel(id);
            signal.Publish(id);
        }
    }

    /// <summary>Blind review is kept on the job so downloads honour it too.</summary>
    public async Task SetBlindAsync(Guid id, bool blind, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await access.Editable<RankingJobEntity>(db).Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Blind, blind), cancellationToken);
    }

    public async Task SetDecisionAsync(Guid jobId, Guid applicantId, ApplicantDecision decision, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await Visible(db).AnyAsync(j => j.Id == jobId, cancellationToken))
            throw new NotFoundException("That ranking no longer exists or is no longer shared with your team.");
        await db.RankingApplicants.Where(a => a.Id == applicantId && a.JobId == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Decision, decision).SetProperty(a => a.Note, string.IsNullOrWhiteSpace(note) ? null : note.Trim()), cancellationToken);
    }
}
