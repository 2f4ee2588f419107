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

/// <summary>What the user gave on the Check my fit page. The posting is either pasted text or a file.</summary>
public sealed record MatchRequest(UploadedFile Cv, string? PostingText, UploadedFile? PostingFile, Guid? SessionId = null);

/// <summary>
/// Reads a CV and a posting, matches them and saves the session, CV, posting and report together.
/// Everything is read and scored before anything is written, so bad input never leaves half a session.
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
    public async Task<Guid> RunAsync(MatchRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report("Reading the CV…");
        var cvContent = documents.Read(request.Cv.Content, request.Cv.Name);
        var cv = cvReader.Read(cvContent);

        progress?.Report("Reading the posting…");
        var (posting, postingText, postingName) = ReadPosting(request);

        progress?.Report($"Matching {posting.Positions[0].Requirements.Count} requirements…");
        var report = await engine.MatchAsync(cv, posting, 0, cancellationToken);

        progress?.Report("Saving the report…");
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        MatchSessionEntity? session = null;
        if (request.SessionId is { } sessionId)
        {
            session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.OwnerId == user.Id, cancellationToken)
                ?? throw new InputException("That session no longer exists. Start a new check instead.");
            session.UpdatedAt = now;
        }
        else
        {
            session = new MatchSessionEntity
            {
                Id = Guid.NewGuid(),
                OwnerId = user.Id,
                Title = SessionTitle(cv, posting),
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Sessions.Add(session);
        }

        var cvEntity = new CvEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            SessionId = session.Id,
            FileName = Path.GetFileName(request.Cv.Name),
            Format = cvContent.Format.ToString(),
            OriginalFile = request.Cv.Content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Cv.Content)),
            Text = cv.Text,
            ParsedJson = JsonSerializer.Serialize(cv, MatcherJson.Options),
            CreatedAt = now,
        };
        var postingEntity = PostingMapping.ToEntity(posting, user.Id, postingText, postingName, now);
        var reportEntity = new ReportEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            SessionId = session.Id,
            CvId = cvEntity.Id,
            PostingId = postingEntity.Id,
            PositionIndex = report.PositionIndex,
            PositionTitle = report.PositionTitle,
            Score = report.Score,
            ReportJson = JsonSerializer.Serialize(report, MatcherJson.Options),
            CreatedAt = now,
        };
        db.AddRange(cvEntity, postingEntity, reportEntity);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Saved report {ReportId} in session {SessionId}: score {Score:0}", reportEntity.Id, session.Id, report.Score);
        return reportEntity.Id;
    }

    private (Posting Posting, string Text, string? Name) ReadPosting(MatchRequest request)
    {
        if (request.PostingFile is { } file)
        {
            var content = documents.Read(file.Content, file.Name);
            return (postingReader.Read(content), content.Markup ?? content.Text, Path.GetFileName(file.Name));
        }
        if (string.IsNullOrWhiteSpace(request.PostingText))
            throw new InputException("Paste the posting's text or upload its file.");
        return (postingReader.ReadText(request.PostingText), request.PostingText, null);
    }

    private static string SessionTitle(CvDocument cv, Posting posting)
    {
        var who = cv.Contact.Name ?? "CV";
        var role = posting.Title ?? posting.Positions[0].Title;
        return posting.Company is { } company ? $"{who} · {role} ({company})" : $"{who} · {role}";
    }
}
