using System.Security.Cryptography;
using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services;

public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>A CV that has been read but not stored yet. The page keeps it while the person checks and corrects it.</summary>
public sealed record CvDraft(UploadedFile File, Matcher.Core.Documents.DocumentFormat Format, CvDocument Cv);

/// <summary>The posting as given on the Check my fit page: pasted text or a file.</summary>
public sealed record PostingInput(string? Text, UploadedFile? File);

/// <summary>
/// Reads a CV, then matches it to a posting and saves the session, CV, posting and report together.
/// Reading the CV stores nothing, and everything is read and scored before anything is written,
/// so bad input never leaves half a session.
/// </summary>
public sealed class MatchWorkflow(
    DocumentReader documents,
    CvReader cvReader,
    PostingReader postingReader,
    IMatchEngine engine,
    IDbContextFactory<MatcherDbContext> dbFactory,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<MatchWorkflow> logger)
{
    /// <exception cref="InputException">The file is empty, too large, unreadable or holds no usable CV text.</exception>
    public CvDraft ReadCv(UploadedFile file)
    {
        var content = documents.Read(file.Content, file.Name);
        return new CvDraft(file, content.Format, cvReader.Read(content, file.Name));
    }

    /// <summary>Matches a CV that was read (and perhaps corrected) on the page, saving it with the report in a new session.</summary>
    public async Task<Guid> MatchAsync(CvDraft draft, PostingInput posting, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var (parsed, report, postingText, postingName) = await ScoreAsync(draft.Cv, posting, progress, cancellationToken);

        progress?.Report("Saving the report…");
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = new MatchSessionEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            Title = SessionTitle(draft.Cv, parsed),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var cvEntity = new CvEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            SessionId = session.Id,
            FileName = Path.GetFileName(draft.File.Name),
            Format = draft.Format.ToString(),
            OriginalFile = draft.File.Content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(draft.File.Content)),
            Text = draft.Cv.Text,
            ParsedJson = JsonSerializer.Serialize(draft.Cv, MatcherJson.Options),
            CreatedAt = now,
        };
        db.AddRange(session, cvEntity);
        var reportId = AddReport(db, session.Id, cvEntity.Id, parsed, postingText, postingName, report, now);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Saved report {ReportId} in new session {SessionId}: score {Score:0}", reportId, session.Id, report.Score);
        return reportId;
    }

    /// <summary>Matches a stored CV, as last corrected, and adds the report to the CV's session.</summary>
    public async Task<Guid> MatchAsync(Guid cvId, PostingInput posting, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cvEntity = await db.Cvs.SingleOrDefaultAsync(c => c.Id == cvId && c.OwnerId == user.Id, cancellationToken)
            ?? throw new InputException("That CV no longer exists. Upload it again on Check my fit.");
        var cv = CvStore.Deserialize(cvEntity);
        var (parsed, report, postingText, postingName) = await ScoreAsync(cv, posting, progress, cancellationToken);

        progress?.Report("Saving the report…");
        var now = clock.GetUtcNow();
        var session = cvEntity.SessionId is { } sessionId
            ? await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == user.Id, cancellationToken)
            : null;
        if (session is null)
        {
            session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = user.Id, Title = SessionTitle(cv, parsed), CreatedAt = now };
            db.Sessions.Add(session);
            cvEntity.SessionId = session.Id;
        }
        session.UpdatedAt = now;
        var reportId = AddReport(db, session.Id, cvEntity.Id, parsed, postingText, postingName, report, now);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Saved report {ReportId} in session {SessionId}: score {Score:0}", reportId, session.Id, report.Score);
        return reportId;
    }

    private async Task<(Posting Posting, MatchReport Report, string Text, string? Name)> ScoreAsync(
        CvDocument cv, PostingInput input, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("Reading the posting…");
        var (posting, postingText, postingName) = ReadPosting(input);
        progress?.Report($"Matching {posting.Positions[0].Requirements.Count} requirements…");
        var report = await engine.MatchAsync(cv, posting, 0, cancellationToken);
        return (posting, report, postingText, postingName);
    }

    private Guid AddReport(MatcherDbContext db, Guid sessionId, Guid cvId, Posting posting, string postingText, string? postingName, MatchReport report, DateTimeOffset now)
    {
        var postingEntity = PostingMapping.ToEntity(posting, user.Id, postingText, postingName, now);
        var reportEntity = new ReportEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            SessionId = sessionId,
            CvId = cvId,
            PostingId = postingEntity.Id,
            PositionIndex = report.PositionIndex,
            PositionTitle = report.PositionTitle,
            Score = report.Score,
            ReportJson = JsonSerializer.Serialize(report, MatcherJson.Options),
            CreatedAt = now,
        };
        db.AddRange(postingEntity, reportEntity);
        return reportEntity.Id;
    }

    private (Posting Posting, string Text, string? Name) ReadPosting(PostingInput input)
    {
        if (input.File is { } file)
        {
            var content = documents.Read(file.Content, file.Name);
            return (postingReader.Read(content), content.Markup ?? content.Text, Path.GetFileName(file.Name));
        }
        if (string.IsNullOrWhiteSpace(input.Text))
            throw new InputException("Paste the posting's text or upload its file.");
        return (postingReader.ReadText(input.Text), input.Text, null);
    }

    private static string SessionTitle(CvDocument cv, Posting posting)
    {
        var who = cv.Contact.Name ?? "CV";
        var role = posting.Title ?? posting.Positions[0].Title;
        return posting.Company is { } company ? $"{who} · {role} ({company})" : $"{who} · {role}";
    }
}
