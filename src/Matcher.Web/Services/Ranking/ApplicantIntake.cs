using System.IO.Compression;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Ranking;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Ranking;

public sealed class RankingOptions
{
    public const string Section = "Matcher:Ranking";

    /// <summary>Most CVs in one ranking.</summary>
    public int MaxApplicants { get; set; } = 500;

    /// <summary>
    /// On a shared store, how long an instance's claim on a batch of applicants holds. An instance that stops
    /// without finishing its batch leaves it to the others after this long; it must exceed the time one batch takes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>On a shared store, how often each instance reads the rankings' progress so its pages show work done by the others.</summary>
    public TimeSpan SharedPollInterval { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>Largest zip of CVs accepted as one upload, in bytes; each CV inside still has the one-file limit.</summary>
    public long MaxZipBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Most bytes of CV files in one ranking. The files wait in memory until the ranking starts and are then
    /// stored, so this bounds both; 500 two-page PDFs take about 100 MB.
    /// </summary>
    public long MaxTotalBytes { get; set; } = 250L * 1024 * 1024;

    internal static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}

public enum IntakeStatus { Read, Warning, Error }

/// <summary>One uploaded CV as first read: whether Matcher could read it, and if not, why.</summary>
public sealed record IntakeItem(string Name, IntakeStatus Status, string Message, ApplicantFile? File);

/// <summary>
/// Turns uploaded files and zips into applicants and reads each CV once up front so the user sees which files
/// are fine before starting. A file that cannot be read is reported and still ranked (as unreadable, with its
/// reason but without its bytes), so one bad file never stops the batch. A file over the one-file limit, a
/// "zip" that is not one, and files beyond the ranking's limits are reported and left out.
/// </summary>
public sealed class ApplicantIntake(CvReader cvReader, IOptions<DocumentReaderOptions> documentOptions, IOptions<RankingOptions> rankingOptions)
{
    public int MaxApplicants => rankingOptions.Value.MaxApplicants;
    public long MaxBytes => documentOptions.Value.MaxBytes;
    public long MaxZipBytes => rankingOptions.Value.MaxZipBytes;
    public long MaxTotalBytes => rankingOptions.Value.MaxTotalBytes;

    /// <summary>The largest upload the page should accept under this name; what it is is decided by its content.</summary>
    public long UploadLimit(string fileName) =>
        fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? Math.Max(MaxZipBytes, MaxBytes) : MaxBytes;

    /// <param name="alreadyAdded">CVs already in the list.</param>
    /// <param name="bytesAdded">Bytes of the CV files already in the list.</param>
    public IReadOnlyList<IntakeItem> Add(IReadOnlyList<UploadedFile> uploads, int alreadyAdded, long bytesAdded = 0)
    {
        var items = new List<IntakeItem>();
        var room = MaxApplicants - alreadyAdded;
        foreach (var upload in uploads)
        {
            if (IsArchive(upload))
            {
                if (upload.Content.Length > MaxZipBytes)
                {
                    items.Add(Refused(upload.Name, $"\"{upload.Name}\" is a zip of {RankingOptions.Megabytes(upload.Content.Length)}; the limit for one zip is {RankingOptions.Megabytes(MaxZipBytes)}. Split the CVs into smaller zips."));
                    continue;
                }
                try
                {
                    var contents = ApplicantArchive.Extract(upload.Content, upload.Name, documentOptions.Value, Math.Max(0, room - Accepted(items)));
                    foreach (var file in contents.Files)
                        items.Add(WithinTotal(file, bytesAdded + Bytes(items)) ?? Check(file));
                    items.AddRange(contents.Skipped.Select(s => new IntakeItem($"{upload.Name}/{s.Entry}", IntakeStatus.Error, s.Reason, null)));
                }
                catch (InputException ex)
                {
                    items.Add(new IntakeItem(upload.Name, IntakeStatus.Error, ex.Message, null));
                }
            }
            else if (Accepted(items) >= room)
                items.Add(Refused(upload.Name, $"A ranking takes at most {MaxApplicants:N0} CVs; this one was left out."));
            else if (upload.Content.Length > MaxBytes)
                items.Add(Refused(upload.Name, TooLarge(upload)));
            else
            {
                var file = new ApplicantFile(upload.Name, upload.Content);
                items.Add(WithinTotal(file, bytesAdded + Bytes(items)) ?? Check(file));
            }
        }
        return items;
    }

    private string TooLarge(UploadedFile upload)
    {
        var size = RankingOptions.Megabytes(upload.Content.Length);
        return upload.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? $"\"{upload.Name}\" is named .zip but is not a zip archive, and at {size} it is too large to be one CV (the limit is {RankingOptions.Megabytes(MaxBytes)}). Create the zip again with your system's \"Compress\" command, or upload the CV files themselves."
            : $"\"{upload.Name}\" is {size}; the limit for one CV is {RankingOptions.Megabytes(MaxBytes)}. Save it smaller (for example as PDF without images) and add it again.";
    }

    /// <summary>Null when the file fits in the ranking's byte budget, else the item that leaves it out.</summary>
    private IntakeItem? WithinTotal(ApplicantFile file, long bytesSoFar) =>
        bytesSoFar + file.Content.Length <= MaxTotalBytes
            ? null
            : Refused(file.Name, $"The CVs of one ranking may add up to {RankingOptions.Megabytes(MaxTotalBytes)}; this one was left out. Start a second ranking for the rest.");

    private static IntakeItem Refused(string name, string reason) => new(name, IntakeStatus.Error, reason, null);

    private static long Bytes(IEnumerable<IntakeItem> items) => items.Sum(i => (long)(i.File?.Content.Length ?? 0));

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipSignature = [0x50, 0x4B, 0x05, 0x06];

    /// <summary>
    /// A zip of CVs is told by its content, not its name: a PDF saved as ".zip" is still read as a CV, and a
    /// DOCX, itself a zip, is a CV unless its name says it is an archive.
    /// </summary>
    internal static bool IsArchive(UploadedFile upload)
    {
        var bytes = upload.Content.AsSpan();
        if (!bytes.StartsWith(ZipSignature) && !bytes.StartsWith(EmptyZipSignature))
            return false;
        var namedZip = upload.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(upload.Content, writable: false), ZipArchiveMode.Read);
            // Every Office document carries this part; an archive of CVs does not.
            return namedZip || zip.GetEntry("[Content_Types].xml") is null;
        }
        catch (InvalidDataException)
        {
            // Damaged: report it as the kind of file its name promises.
            return namedZip;
        }
    }

    private static int Accepted(IEnumerable<IntakeItem> items) => items.Count(i => i.File is not null);

    private IntakeItem Check(ApplicantFile file)
    {
        try
        {
            var cv = cvReader.Read(file.Content, file.Name);
            return cv.Warnings.Count > 0
                ? new IntakeItem(file.Name, IntakeStatus.Warning, string.Join(" ", cv.Warnings), file)
                : new IntakeItem(file.Name, IntakeStatus.Read, cv.Contact.Name is { } name ? $"Read: {name}" : "Read", file);
        }
        catch (InputException ex)
        {
            // Still ranked, so the list shows every applicant, but the unreadable bytes are not kept.
            return new IntakeItem(file.Name, IntakeStatus.Error, ex.Message, ApplicantFile.Refused(file.Name, ex.Message));
        }
    }
}
