using System.IO.Compression;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Ranking;
using Matcher.Data;
using Matcher.Data.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Matcher.Web.Services.Matching;

namespace Matcher.Web.Services.Ranking;

public enum IntakeStatus { Read, Warning, Error }

/// <summary>
/// A CV accepted for a ranking, already in the file store under <see cref="FileKey"/>, waiting for the ranking to
/// start. A CV that could not be read has no file and carries the reason instead.
/// </summary>
public sealed record StagedApplicant(string Name, string? FileKey, long Length, string? Refusal = null)
{
    public static StagedApplicant Refused(string name, string reason) => new(name, null, 0, reason);
}

/// <summary>One uploaded CV as first read: whether Matcher could read it, and if not, why.</summary>
public sealed record IntakeItem(string Name, IntakeStatus Status, string Message, StagedApplicant? File);

/// <summary>
/// Turns uploaded files and zips into applicants and reads each CV once up front so the user sees which files
/// are fine before starting. A file that cannot be read is reported and still ranked (as unreadable, with its
/// reason but without its bytes), so one bad file never stops the batch. A file over the one-file limit, a
/// "zip" that is not one, and files beyond the ranking's limits are reported and left out. Each accepted CV goes
/// to the file store at once, so a list of thousands holds only names and keys in memory; a list given up
/// (cleared, or the page left without starting) has its files removed again.
/// </summary>
public sealed class ApplicantIntake(
    CvReader cvReader, IOptions<DocumentReaderOptions> documentOptions, IOptions<RankingOptions> rankingOptions,
    FileStore files, IDbContextFactory<MatcherDbContext> dbFactory)
{
    public int MaxApplicants => rankingOptions.Value.MaxApplicants;
    public long MaxBytes => documentOptions.Value.MaxBytes;
    public long MaxZipBytes => rankingOptions.Value.MaxZipBytes;
    public long MaxTotalBytes => rankingOptions.Value.MaxTotalBytes;

    /// <summary>The largest upload the page should accept under this name; what it is is decided by its content.</summary>
    public long UploadLimit(string fileName) =>
        fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? Math.Max(MaxZipBytes, MaxBytes) : MaxBytes;

    /// <summary>Uploads large enough to be a zip of many CVs are received to disk rather than into memory.</summary>
    public static bool ReceiveToDisk(string fileName) => fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>A temporary file beside the file store for an upload on its way in; it is deleted when closed.</summary>
    public Stream CreateTemporaryFile() => files.CreateTemporary();

    /// <param name="alreadyAdded">CVs already in the list.</param>
    /// <param name="bytesAdded">Bytes of the CV files already in the list.</param>
    public async Task<IReadOnlyList<IntakeItem>> AddAsync(IReadOnlyList<UploadedFile> uploads, int alreadyAdded, long bytesAdded = 0, CancellationToken cancellationToken = default)
    {
        var batch = new Batch(alreadyAdded, bytesAdded);
        foreach (var upload in uploads)
        {
            if (IsArchive(upload))
            {
                if (upload.Content.Length > MaxZipBytes)
                    batch.Add(ZipTooLarge(upload.Name, upload.Content.Length));
                else
                    await AddArchiveAsync(new MemoryStream(upload.Content, writable: false), upload.Name, batch, cancellationToken);
            }
            else
                await AddFileAsync(upload.Name, upload.Content, batch, cancellationToken);
        }
        return batch.Items;
    }

    /// <summary>An upload received to a seekable stream on disk: a zip is read from there one CV at a time.</summary>
    public async Task<IReadOnlyList<IntakeItem>> AddFromDiskAsync(string name, Stream content, int alreadyAdded, long bytesAdded = 0, CancellationToken cancellationToken = default)
    {
        var batch = new Batch(alreadyAdded, bytesAdded);
        if (IsArchive(content, name))
        {
            if (content.Length > MaxZipBytes)
                batch.Add(ZipTooLarge(name, content.Length));
            else
                await AddArchiveAsync(content, name, batch, cancellationToken);
        }
        else if (content.Length > MaxBytes)
            batch.Add(Refused(name, TooLarge(name, content.Length)));
        else
        {
            var bytes = new byte[content.Length];
            content.Position = 0;
            await content.ReadExactlyAsync(bytes, cancellationToken);
            await AddFileAsync(name, bytes, batch, cancellationToken);
        }
        return batch.Items;
    }

    /// <summary>Removes the files of a list that was given up; files a ranking or CV already uses stay.</summary>
    public async Task DiscardAsync(IEnumerable<IntakeItem> items, CancellationToken cancellationToken = default)
    {
        var keys = items.Select(i => i.File?.FileKey).OfType<string>().ToList();
        if (keys.Count == 0)
            return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await StoredFiles.DeleteUnreferencedAsync(db, files, keys, cancellationToken);
    }

    private async Task AddFileAsync(string name, byte[] content, Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Accepted >= MaxApplicants)
            batch.Add(Refused(name, $"A ranking takes at most {MaxApplicants:N0} CVs; this one was left out."));
        else if (content.Length > MaxBytes)
            batch.Add(Refused(name, TooLarge(name, content.Length)));
        else
            batch.Add(await AcceptAsync(new ApplicantFile(name, content), batch, cancellationToken));
    }

    private async Task AddArchiveAsync(Stream zip, string name, Batch batch, CancellationToken cancellationToken)
    {
        var document = documentOptions.Value;
        // An archive of applicants is allowed what a ranking is allowed, not what one DOCX is.
        var limits = new DocumentReaderOptions
        {
            MaxBytes = document.MaxBytes,
            MaxZipEntries = Math.Max(document.MaxZipEntries, MaxApplicants * 2),
            MaxUncompressedBytes = Math.Max(document.MaxUncompressedBytes, MaxTotalBytes),
        };
        try
        {
            foreach (var entry in ApplicantArchive.Read(zip, name, limits, Math.Max(0, MaxApplicants - batch.Accepted)))
            {
                if (entry.File is { } file)
                    batch.Add(await AcceptAsync(file, batch, cancellationToken));
                else
                    batch.Add(new IntakeItem($"{name}/{entry.Skipped!.Entry}", IntakeStatus.Error, entry.Skipped.Reason, null));
            }
        }
        catch (InputException ex)
        {
            batch.Add(new IntakeItem(name, IntakeStatus.Error, ex.Message, null));
        }
    }

    private IntakeItem ZipTooLarge(string name, long length) =>
        Refused(name, $"\"{name}\" is a zip of {RankingOptions.Megabytes(length)}; the limit for one zip is {RankingOptions.Megabytes(MaxZipBytes)}. Split the CVs into smaller zips.");

    private string TooLarge(string name, long length)
    {
        var size = RankingOptions.Megabytes(length);
        return name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? $"\"{name}\" is named .zip but is not a zip archive, and at {size} it is too large to be one CV (the limit is {RankingOptions.Megabytes(MaxBytes)}). Create the zip again with your system's \"Compress\" command, or upload the CV files themselves."
            : $"\"{name}\" is {size}; the limit for one CV is {RankingOptions.Megabytes(MaxBytes)}. Save it smaller (for example as PDF without images) and add it again.";
    }

    private static IntakeItem Refused(string name, string reason) => new(name, IntakeStatus.Error, reason, null);

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipSignature = [0x50, 0x4B, 0x05, 0x06];

    /// <summary>
    /// A zip of CVs is told by its content, not its name: a PDF saved as ".zip" is still read as a CV, and a
    /// DOCX, itself a zip, is a CV unless its name says it is an archive.
    /// </summary>
    internal static bool IsArchive(UploadedFile upload) => IsArchive(new MemoryStream(upload.Content, writable: false), upload.Name);

    private static bool IsArchive(Stream content, string name)
    {
        Span<byte> start = stackalloc byte[4];
        content.Position = 0;
        var read = content.ReadAtLeast(start, 4, throwOnEndOfStream: false);
        content.Position = 0;
        if (read < 4 || (!start.SequenceEqual(ZipSignature) && !start.SequenceEqual(EmptyZipSignature)))
            return false;
        var namedZip = name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            // Every Office document carries this part; an archive of CVs does not.
            return namedZip || zip.GetEntry("[Content_Types].xml") is null;
        }
        catch (InvalidDataException)
        {
            // Damaged: report it as the kind of file its name promises.
            return namedZip;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Reads the CV and, when it fits the ranking's byte budget, puts it in the file store.</summary>
    private async Task<IntakeItem> AcceptAsync(ApplicantFile file, Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Bytes + file.Content.Length > MaxTotalBytes)
            return Refused(file.Name, $"The CVs of one ranking may add up to {RankingOptions.Megabytes(MaxTotalBytes)}; this one was left out. Start a second ranking for the rest.");
        CvDocument cv;
        try
        {
            cv = cvReader.Read(file.Content, file.Name);
        }
        catch (InputException ex)
        {
            // Still ranked, so the list shows every applicant, but the unreadable bytes are not kept.
            return new IntakeItem(file.Name, IntakeStatus.Error, ex.Message, StagedApplicant.Refused(file.Name, ex.Message));
        }
        var staged = new StagedApplicant(file.Name, await files.SaveAsync(file.Content, cancellationToken), file.Content.Length);
        return cv.Warnings.Count > 0
            ? new IntakeItem(file.Name, IntakeStatus.Warning, string.Join(" ", cv.Warnings), staged)
            : new IntakeItem(file.Name, IntakeStatus.Read, cv.Contact.Name is { } name ? $"Read: {name}" : "Read", staged);
    }

    /// <summary>What one call has added so far, on top of what the list held before.</summary>
    private sealed class Batch(int accepted, long bytes)
    {
        public List<IntakeItem> Items { get; } = [];
        public int Accepted { get; private set; } = accepted;
        public long Bytes { get; private set; } = bytes;

        public void Add(IntakeItem item)
        {
            Items.Add(item);
            if (item.File is not null)
                Accepted++;
            Bytes += item.File?.Length ?? 0;
        }
    }
}
