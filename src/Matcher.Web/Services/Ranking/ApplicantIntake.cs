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
}

public enum IntakeStatus { Read, Warning, Error }

/// <summary>One uploaded CV as first read: whether Matcher could read it, and if not, why.</summary>
public sealed record IntakeItem(string Name, IntakeStatus Status, string Message, ApplicantFile? File);

/// <summary>
/// Turns uploaded files and zips into applicants and reads each CV once up front so the user sees which files
/// are fine before starting. A file that cannot be read is reported and still ranked (as unreadable), so one
/// bad file never stops the batch.
/// </summary>
public sealed class ApplicantIntake(CvReader cvReader, IOptions<DocumentReaderOptions> documentOptions, IOptions<RankingOptions> rankingOptions)
{
    public int MaxApplicants => rankingOptions.Value.MaxApplicants;
    public long MaxBytes => documentOptions.Value.MaxBytes;

    public IReadOnlyList<IntakeItem> Add(IReadOnlyList<UploadedFile> uploads, int alreadyAdded)
    {
        var items = new List<IntakeItem>();
        var room = MaxApplicants - alreadyAdded;
        foreach (var upload in uploads)
        {
            if (IsArchive(upload))
            {
                try
                {
                    var contents = ApplicantArchive.Extract(upload.Content, upload.Name, documentOptions.Value, Math.Max(0, room - Accepted(items)));
                    items.AddRange(contents.Files.Select(Check));
                    items.AddRange(contents.Skipped.Select(s => new IntakeItem($"{upload.Name}/{s.Entry}", IntakeStatus.Error, s.Reason, null)));
                }
                catch (InputException ex)
                {
                    items.Add(new IntakeItem(upload.Name, IntakeStatus.Error, ex.Message, null));
                }
            }
            else if (Accepted(items) >= room)
                items.Add(new IntakeItem(upload.Name, IntakeStatus.Error, $"A ranking takes at most {MaxApplicants:N0} CVs; this one was left out.", null));
            else
                items.Add(Check(new ApplicantFile(upload.Name, upload.Content)));
        }
        return items;
    }

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
            return new IntakeItem(file.Name, IntakeStatus.Error, ex.Message, file);
        }
    }
}
