using System.IO.Compression;
using Matcher.Core.Documents;

namespace Matcher.Core.Ranking;

/// <summary>A file in an applicants' zip that was left out, and why.</summary>
public sealed record SkippedEntry(string Entry, string Reason);

/// <summary>One entry of an applicant archive as read: a CV file, or an entry left out and why.</summary>
public sealed record ArchiveEntry(ApplicantFile? File, SkippedEntry? Skipped);

public sealed record ArchiveContents(IReadOnlyList<ApplicantFile> Files, IReadOnlyList<SkippedEntry> Skipped);

/// <summary>
/// Unpacks a zip of applicants' CVs one entry at a time. No entry is extracted to disk, yet paths that climb out of the
/// archive are still refused, as are nested archives, and the archive as a whole is refused when it holds
/// too many files or would unpack to too much data (a zip bomb).
/// </summary>
public static class ApplicantArchive
{
    private static readonly HashSet<string> ArchiveExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz" };

    public static ArchiveContents Extract(byte[] bytes, string name, DocumentReaderOptions options, int maxFiles)
    {
        var files = new List<ApplicantFile>();
        var skipped = new List<SkippedEntry>();
        foreach (var entry in Read(new MemoryStream(bytes, writable: false), name, options, maxFiles))
        {
            if (entry.File is { } file)
                files.Add(file);
            else
                skipped.Add(entry.Skipped!);
        }
        return new ArchiveContents(files, skipped);
    }

    /// <summary>
    /// Reads a zip one entry at a time, from memory or from a file on disk, so a zip of thousands of CVs never
    /// has more than the CV being read in memory. Limits are checked as it goes; breaking them throws
    /// <see cref="InputException"/> from the enumeration.
    /// </summary>
    public static IEnumerable<ArchiveEntry> Read(Stream zipStream, string name, DocumentReaderOptions options, int maxFiles)
    {
        using var zip = Open(zipStream, name);
        var entries = zip.Entries;
        if (entries.Count > options.MaxZipEntries)
            throw new InputException($"{name} holds {entries.Count:N0} entries; the limit is {options.MaxZipEntries:N0}. Split the applicants into smaller zips.");
        var declared = entries.Sum(e => e.Length);
        if (declared > options.MaxUncompressedBytes)
            throw new InputException($"{name} would unpack to {declared / 1024 / 1024:N0} MB; the limit is {options.MaxUncompressedBytes / 1024 / 1024:N0} MB. Split it into smaller zips.");

        var accepted = 0;
        long unpacked = 0;
        foreach (var entry in entries)
        {
            if (IsFolderOrClutter(entry))
                continue;
            if (Reject(entry, options) is { } reason)
            {
                yield return new ArchiveEntry(null, new SkippedEntry(entry.FullName, reason));
                continue;
            }
            if (accepted >= maxFiles)
            {
                yield return new ArchiveEntry(null, new SkippedEntry(entry.FullName, $"Only the first {maxFiles:N0} CVs of a ranking are read."));
                continue;
            }
            var content = ReadCapped(entry, options.MaxBytes);
            unpacked += content.Length;
            if (unpacked > options.MaxUncompressedBytes)
                throw new InputException($"{name} unpacks to more than {options.MaxUncompressedBytes / 1024 / 1024:N0} MB. Split it into smaller zips.");
            accepted++;
            yield return new ArchiveEntry(new ApplicantFile(entry.Name, content), null);
        }
    }

    private static ZipArchive Open(Stream zipStream, string name)
    {
        try
        {
            return new ZipArchive(zipStream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException($"{name} is a damaged or incomplete zip file. Create the zip again, or upload the CV files themselves.", ex);
        }
    }

    private static bool IsFolderOrClutter(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')
        || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
        || entry.Name.StartsWith('.');

    private static string? Reject(ZipArchiveEntry entry, DocumentReaderOptions options)
    {
        var path = entry.FullName.Replace('\\', '/');
        if (path.StartsWith('/') || path.Contains(':') || path.Split('/').Any(part => part == ".."))
            return "Its path points outside the zip, so it was refused.";
        if (ArchiveExtensions.Contains(Path.GetExtension(entry.Name)))
            return "Archives inside the zip are not opened. Put the CVs in the zip directly.";
        if (entry.Length == 0)
            return "The file is empty.";
        if (entry.Length > options.MaxBytes)
            return $"The file is {entry.Length / 1024.0 / 1024.0:0.0} MB; the limit is {options.MaxBytes / 1024.0 / 1024.0:0.#} MB.";
        return null;
    }

    // The declared size may lie; stop reading at the limit whatever the header says.
    private static byte[] ReadCapped(ZipArchiveEntry entry, long maxBytes)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new InputException($"\"{entry.FullName}\" unpacks to more than its declared size. Create the zip again.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
