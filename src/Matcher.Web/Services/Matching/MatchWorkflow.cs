using System.Security.Cryptography;
using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Files;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Microsoft.EntityFrameworkCore;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Cvs;
using Matcher.Web.Services.Naming;
using Matcher.Web.Services.Work;

namespace Matcher.Web.Services.Matching;

public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>A CV that has been read but not stored yet. The page keeps it while the person checks and corrects it.</summary>
public sealed record CvDraft(UploadedFile File, Matcher.Core.Documents.DocumentFormat Format, CvDocument Cv);

/// <summary>
/// The posting as given on the Check my fit page: pasted text, a file, or a posting from the library
/// (matched as last edited there, at the chosen position).
/// </summary>
public sealed record PostingInput(string? Text, UploadedFile? File, Guid? SavedPostingId = null, int PositionIndex = 0)
{
    /// <summary>A name given on the page to a posting whose text names no job; used when the posting is first saved.</summary>
    public string? Title { get; init; }
}

/// <summary>What was read from one position: shown before matching so nothing is chosen silently.</summary>
public sealed record PositionPreview(string Title, int Requirements, int Responsibilities);

/// <summary>What was read from a posting before it is matched.</summary>
/// <param name="SavedId">The library posting it is (or was saved as before), if any.</param>
/// <param name="Untitled">The text names no job, so the posting shows as "Untitled position" until someone names it.</param>
public sealed record PostingPreview(string Title, string? Company, IReadOnlyList<PositionPreview> Positions, Guid? SavedId, bool Untitled, bool IsMine = true);

/// <summary>What a match saved: the report, the session it landed in and the stored CV.</summary>
public sealed record MatchOutcome(Guid ReportId, Guid SessionId, Guid CvId, double Score);

/// <summary>Where the scored posting came from; a library posting is referenced, not copied.</summary>
internal sealed record PostingSource(string Text, string? Name, Guid? SavedId, bool IsMine = true);

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
    AccessScope access,
    TimeProvider clock,
    MatchGate gate,
    CircuitWork circuit,
    ILogger<MatchWorkflow> logger,
    FileStore files)
{
    /// <exception cref="InputException">The file is empty, too large, unreadable or holds no usable CV text.</exception>
    /// <exception cref="OperationCanceledException">The page that asked went away; the read stops at its next page or block.</exception>
    public CvDraft ReadCv(UploadedFile file, CancellationToken cancellationToken = default)
    {
        using var work = circuit.Link(cancellationToken);
        using var place = gate.Enter(user.Id);
        var content = documents.Read(file.Content, file.Name, work.Token);
        work.Token.ThrowIfCancellationRequested();
        return new CvDraft(file, content.Format, cvReader.Read(content, file.Name));
    }

    /// <summary>Matches a CV that was read (and perhaps corrected) on the page, saving it with the report in a new session.</summary>
    public async Task<Guid> MatchAsync(CvDraft draft, PostingInput posting, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        (await MatchDraftAsync(draft, posting, null, progress, cancellationToken)).ReportId;

    /// <summary>
    /// Matches a CV that was read on the page and stores it: in the given session as a new version of the CV
    /// there, or in a new session when <paramref name="sessionId"/> is null.
    /// </summary>
    public async Task<MatchOutcome> MatchDraftAsync(
        CvDraft draft, PostingInput posting, Guid? sessionId, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        using var work = circuit.Link(cancellationToken);
        cancellationToken = work.Token;
        if (sessionId is null && await SameFileAsync(draft, cancellationToken) is { } stored)
        {
            // The same file again: its stored CV (with any corrections saved since) and its session are reused, not copied.
            var again = await MatchAsync(stored, posting, progress, cancellationToken);
            await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
            var saved = await read.Reports.AsNoTracking().Where(r => r.Id == again).Select(r => new { r.SessionId, r.Score }).SingleAsync(cancellationToken);
            return new MatchOutcome(again, saved.SessionId, stored, saved.Score);
        }
        var (parsed, report, source) = await ScoreAsync(draft.Cv, posting, progress, cancellationToken);

        progress?.Report("Saving the report…");
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        MatchSessionEntity session;
        if (sessionId is { } id)
        {
            session = await access.Editable<MatchSessionEntity>(db).SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new NotFoundException("That session no longer exists. Open it again from Sessions.");
        }
        else
        {
            session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = user.Id, Title = SessionTitle(draft.Cv, parsed), CreatedAt = now };
            db.Sessions.Add(session);
        }
        session.UpdatedAt = now;
        var cvEntity = new CvEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            SessionId = session.Id,
            FileName = Path.GetFileName(draft.File.Name),
            Format = draft.Format.ToString(),
            FileSha256 = await files.SaveAsync(draft.File.Content, cancellationToken),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(draft.File.Content)),
            Text = draft.Cv.Text,
            ParsedJson = JsonSerializer.Serialize(draft.Cv, MatcherJson.Options),
            CreatedAt = now,
        };
        db.Add(cvEntity);
        var reportId = AddReport(db, session.Id, cvEntity.Id, parsed, source, report, now);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Saved report {ReportId} in session {SessionId}: score {Score:0}", reportId, session.Id, report.Score);
        return new MatchOutcome(reportId, session.Id, cvEntity.Id, report.Score);
    }

    /// <summary>
    /// The owner's stored CV made from the same file, when the page showed it as read (no corrections made there);
    /// corrections made on the page are a new version and are stored as such.
    /// </summary>
    private async Task<Guid?> SameFileAsync(CvDraft draft, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(draft.File.Content));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await access.Owned<CvEntity>(db).AsNoTracking()
            .Where(c => c.Sha256 == sha && c.SessionId != null)
            .OrderByDescending(c => c.CreatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
            return null;
        var asRead = ReadCv(draft.File, cancellationToken).Cv;
        return JsonSerializer.Serialize(asRead, MatcherJson.Options) == JsonSerializer.Serialize(draft.Cv, MatcherJson.Options) ? existing : null;
    }

    /// <summary>Matches a stored CV, as last corrected, and adds the report to the CV's session.</summary>
    public async Task<Guid> MatchAsync(Guid cvId, PostingInput posting, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        using var work = circuit.Link(cancellationToken);
        cancellationToken = work.Token;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cvEntity = await access.Editable<CvEntity>(db).SingleOrDefaultAsync(c => c.Id == cvId, cancellationToken)
            ?? throw new NotFoundException("That CV no longer exists. Upload it again on Check my fit.");
        var cv = CvStore.Deserialize(cvEntity);
        var (parsed, report, source) = await ScoreAsync(cv, posting, progress, cancellationToken);

        progress?.Report("Saving the report…");
        var now = clock.GetUtcNow();
        var session = cvEntity.SessionId is { } sessionId
            ? await access.Editable<MatchSessionEntity>(db).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            : null;
        if (session is null)
        {
            session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = user.Id, Title = SessionTitle(cv, parsed), CreatedAt = now };
            db.Sessions.Add(session);
            cvEntity.SessionId = session.Id;
        }
        session.UpdatedAt = now;
        var reportId = AddReport(db, session.Id, cvEntity.Id, parsed, source, report, now);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Saved report {ReportId} in session {SessionId}: score {Score:0}", reportId, session.Id, report.Score);
        return reportId;
    }

    /// <summary>
    /// Reads the posting as matching would (a library posting as last edited, the same text as the posting saved from it)
    /// and says what was read. Stores nothing.
    /// </summary>
    /// <exception cref="InputException">The posting cannot be read, or holds no requirement or responsibility.</exception>
    public async Task<PostingPreview> PreviewAsync(PostingInput input, CancellationToken cancellationToken = default)
    {
        using var work = circuit.Link(cancellationToken);
        cancellationToken = work.Token;
        var (posting, source) = await ReadPostingAsync(input, cancellationToken);
        var untitled = posting.Warnings.Any(w => w.StartsWith(PostingReader.NoTitleWarning, StringComparison.Ordinal));
        return new PostingPreview(
            posting.Title ?? posting.Positions[0].Title, posting.Company,
            posting.Positions.Select(p => new PositionPreview(p.Title, p.Requirements.Count, p.Responsibilities.Count)).ToList(),
            source.SavedId, untitled, source.IsMine);
    }

    /// <summary>The name someone gave on the page, for a posting read from text that names no job.</summary>
    private static Posting Named(Posting posting, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
            return posting;
        var name = Titles.Clean(title, "Give the posting a name, for example its job title.");
        return posting with
        {
            Title = name,
            Positions = posting.Positions is [var only] ? [only with { Title = name }] : posting.Positions,
            Warnings = posting.Warnings.Where(w => !w.StartsWith(PostingReader.NoTitleWarning, StringComparison.Ordinal)).ToList(),
        };
    }

    private async Task<(Posting Posting, MatchReport Report, PostingSource Source)> ScoreAsync(
        CvDocument cv, PostingInput input, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        using var place = gate.Enter(user.Id);
        progress?.Report("Reading the posting…");
        var (posting, source) = await ReadPostingAsync(input, cancellationToken);
        var position = input.PositionIndex;
        if (position < 0 || position >= posting.Positions.Count)
            throw new NotFoundException("That position is no longer in the posting. Pick a position again.");
        progress?.Report($"Matching {Math.Max(posting.Positions[position].Requirements.Count, posting.Positions[position].Responsibilities.Count)} requirements…");
        var report = await engine.MatchAsync(cv, posting, position, cancellationToken);
        return (posting, report, source);
    }

    private Guid AddReport(MatcherDbContext db, Guid sessionId, Guid cvId, Posting posting, PostingSource source, MatchReport report, DateTimeOffset now)
    {
        var postingId = source.SavedId;
        if (postingId is null)
        {
            var postingEntity = PostingMapping.ToEntity(posting, user.Id, source.Text, source.Name, now);
            db.Add(postingEntity);
            postingId = postingEntity.Id;
        }
        var reportEntity = new ReportEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = user.Id,
            SessionId = sessionId,
            CvId = cvId,
            PostingId = postingId.Value,
            PositionIndex = report.PositionIndex,
            PositionTitle = report.PositionTitle,
            Score = report.Score,
            ReportJson = JsonSerializer.Serialize(report, MatcherJson.Options),
            CreatedAt = now,
        };
        db.Add(reportEntity);
        return reportEntity.Id;
    }

    private async Task<(Posting Posting, PostingSource Source)> ReadPostingAsync(PostingInput input, CancellationToken cancellationToken)
    {
        if (input.SavedPostingId is { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // A posting a teammate shares is in the library too; the report refers to it as the rankings do.
            var entity = await access.Visible<PostingEntity>(db).AsNoTracking()
                .Include(p => p.Positions).ThenInclude(p => p.Requirements)
                .SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new NotFoundException("That posting is no longer in your library. Pick another or paste it again.");
            return (PostingMapping.ToPosting(entity), new PostingSource(entity.SourceText, entity.SourceName, entity.Id, access.IsMine(entity)));
        }
        if (input.File is { } file)
        {
            var content = documents.Read(file.Content, file.Name, cancellationToken);
            var text = content.Markup ?? content.Text;
            return await SavedWithTextAsync(text, cancellationToken)
                ?? (Named(postingReader.Read(content), input.Title), new PostingSource(text, Path.GetFileName(file.Name), null));
        }
        if (string.IsNullOrWhiteSpace(input.Text))
            throw new InputException("Paste the posting's text or upload its file.");
        return await SavedWithTextAsync(input.Text, cancellationToken)
            ?? (Named(postingReader.ReadText(input.Text), input.Title), new PostingSource(input.Text, null, null));
    }

    /// <summary>A posting of the owner saved from exactly this text: matched as saved (with its edits), not stored again.</summary>
    private async Task<(Posting Posting, PostingSource Source)?> SavedWithTextAsync(string text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await access.Owned<PostingEntity>(db).AsNoTracking()
            .Include(p => p.Positions).ThenInclude(p => p.Requirements)
            .Where(p => p.SourceText == text)
            .OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return entity is null ? null : (PostingMapping.ToPosting(entity), new PostingSource(entity.SourceText, entity.SourceName, entity.Id));
    }

    private static string SessionTitle(CvDocument cv, Posting posting)
    {
        var who = cv.Contact.Name ?? "CV";
        var role = posting.Title ?? posting.Positions[0].Title;
        return posting.Company is { } company ? $"{who} · {role} ({company})" : $"{who} · {role}";
    }
}
