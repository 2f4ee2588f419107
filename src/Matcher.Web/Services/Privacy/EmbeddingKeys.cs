using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Embeddings;
using Matcher.Core.Matching;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Files;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Services.Privacy;

/// <summary>
/// The embedding-cache keys of texts that are about to be deleted. The cache is keyed by a hash of each
/// embedded line, not by owner, so the keys are recomputed from every source the engine may have embedded:
/// the CV as stored (perhaps corrected), the CV as first read from its file, and the requirement and
/// evidence lines recorded in reports. Each line is hashed both as a query and as a document, so a key
/// is found whichever role the line played. A line shared with someone else's CV loses its cached vector
/// too; the cache recomputes it on the next match. The original files read on the way are collected as well, so
/// they can leave the file store once the rows that used them are gone.
/// </summary>
public sealed class EmbeddingKeys(CvReader cvReader, FileStore files)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _keys;

    /// <summary>The file store keys of the originals of the CVs and applicants added.</summary>
    public IReadOnlyCollection<string> FileKeys => _files;

    public void AddText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var normalized = EmbeddingText.Normalize(text);
        if (normalized.Length == 0)
            return;
        _keys.Add(EmbeddingText.Sha256(normalized, isQuery: false));
        _keys.Add(EmbeddingText.Sha256(normalized, isQuery: true));
    }

    public void AddCv(CvDocument cv)
    {
        if (string.IsNullOrWhiteSpace(cv.Text))
            return;
        foreach (var unit in EvidenceExtractor.Extract(cv))
            AddText(unit.Text);
        foreach (var title in MatchEngine.CvTitles(cv))
            AddText(title);
    }

    /// <summary>A stored parsed CV; unreadable JSON adds nothing (the file is read as well).</summary>
    private void AddCvJson(string? parsedJson)
    {
        if (TryDeserialize<CvDocument>(parsedJson) is { } cv)
            AddCv(cv);
    }

    /// <summary>The CV as the reader first saw it, before any correction, and as rankings read it.</summary>
    private async Task AddCvFileAsync(string? fileKey, byte[]? inDatabase, string fileName, CancellationToken cancellationToken)
    {
        if (fileKey is not null)
            _files.Add(fileKey);
        // A file already missing from the store cannot be read again; what was read from it is still found through the stored CV and reports.
        if (await files.ReadOriginalAsync(fileKey, inDatabase, cancellationToken) is not { Length: > 0 } content)
            return;
        try
        {
            AddCv(cvReader.Read(content, fileName));
        }
        catch (InputException)
        {
            // A file that cannot be read was never embedded.
        }
    }

    /// <summary>A stored CV: as corrected and as its file reads.</summary>
    public async Task AddStoredCvAsync(string? parsedJson, string? fileKey, byte[]? inDatabase, string fileName, CancellationToken cancellationToken)
    {
        AddCvJson(parsedJson);
        await AddCvFileAsync(fileKey, inDatabase, fileName, cancellationToken);
    }

    /// <summary>A ranking applicant: their CV file and the reports it got.</summary>
    public async Task AddApplicantAsync(string? fileKey, byte[]? inDatabase, string fileName, string? reportsJson, CancellationToken cancellationToken)
    {
        await AddCvFileAsync(fileKey, inDatabase, fileName, cancellationToken);
        AddReportsJson(reportsJson);
    }

    /// <summary>Every applicant of the given rankings, read one at a time because original files can be large.</summary>
    public async Task AddApplicantsOfAsync(MatcherDbContext db, IReadOnlyCollection<Guid> jobIds, CancellationToken cancellationToken)
    {
        var applicantIds = await db.RankingApplicants.Where(a => jobIds.Contains(a.JobId)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in applicantIds)
        {
            var applicant = await db.RankingApplicants.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { a.FileName, a.FileSha256, a.OriginalFile, a.ReportsJson }).SingleAsync(cancellationToken);
            await AddApplicantAsync(applicant.FileSha256, applicant.OriginalFile, applicant.FileName, applicant.ReportsJson, cancellationToken);
        }
    }

    public void AddReportJson(string? reportJson)
    {
        if (TryDeserialize<MatchReport>(reportJson) is { } report)
            AddReport(report);
    }

    /// <summary>A ranking applicant's reports: one per ranked position, null where a position failed.</summary>
    private void AddReportsJson(string? reportsJson)
    {
        foreach (var report in TryDeserialize<List<MatchReport?>>(reportsJson) ?? [])
            if (report is not null)
                AddReport(report);
    }

    public void AddResponsibilitiesJson(string? json)
    {
        foreach (var line in TryDeserialize<List<string>>(json) ?? [])
            AddText(line);
    }

    private void AddReport(MatchReport report)
    {
        foreach (var requirement in report.Requirements)
        {
            AddText(requirement.Text);
            foreach (var evidence in requirement.Evidence)
                AddText(evidence.Text);
        }
    }

    private static T? TryDeserialize<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, MatcherJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the cached vectors of every collected key, for every model; returns how many rows went.</summary>
    public async Task<int> DeleteFromCacheAsync(MatcherDbContext db, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in _keys.Chunk(500))
            deleted += await db.Embeddings.Where(e => chunk.Contains(e.TextSha256)).ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }

    /// <summary>After the deleting transaction committed: removes the collected originals no remaining row uses; returns how many.</summary>
    public async Task<int> DeleteUnusedFilesAsync(MatcherDbContext db, CancellationToken cancellationToken) =>
        await StoredFiles.DeleteUnreferencedAsync(db, files, _files, cancellationToken);
}
