using System.IO.Compression;
using Matcher.Core.Documents;

namespace Matcher.Core.Ranking;

/// <summary>A file in an applicants' zip that was left out, and why.</summary>
public sealed record SkippedEntry(string Entry, string Reason);

public sealed record ArchiveContents(IReadOnlyList<ApplicantFile> Files, IReadOnlyList<SkippedEntry> Skipped);

/// <summary>
/// Unpacks a zip of applicants' CVs in memory. Nothing is written to disk, yet paths that climb out of the
/// archive are still refused, as are nested archives, and the archive as a whole is refused when it holds
/// too many files or would unpack to too much data (a zip bomb).
/// </summary>
public static class ApplicantArchive
{
    private static readonly HashSet<string> ArchiveExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz" };

    public static ArchiveContents Extract(byte[] bytes, string name, DocumentReaderOptions options, int maxFiles)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException($"{name} is a damaged or incomplete zip file. Create the zip again, or upload the CV files themselves.", ex);
        }

        using (zip)
        {
            var entries = zip.Entries;
            if (entries.Count > options.MaxZipEntries)
                throw new InputException($"{name} holds {entries.Count:N0} entries; the limit is {options.MaxZipEntries:N0}. Split the applicants into smaller zips.");
            var declared = entries.Sum(e => e.Length);
            if (declared > options.MaxUncompressedBytes)
                throw new InputException($"{name} would unpack to {declared / 1024 / 1024:N0} MB; the limit is {options.MaxUncompressedBytes / 1024 / 1024:N0} MB. Split it into smaller zips.");

            var files = new List<ApplicantFile>();
            var skipped = new List<SkippedEntry>();
            long unpacked = 0;
            foreach (var entry in entries)
            {
                if (IsFolderOrClutter(entry))
                    continue;
                if (Reject(entry, options) is { } reason)
                {
                    skipped.Add(new SkippedEntry(entry.FullName, reason));
                    continue;
                }
                if (files.Count >= maxFiles)
                {
                    skipped.Add(new SkippedEntry(entry.FullName, $"Only the first {maxFiles:N0} CVs of a ranking are read."));
                    continue;
                }
                var content = ReadCapped(entry, options.MaxBytes);
                unpacked += content.Length;
                if (unpacked > options.MaxUncompressedBytes)
                    throw new InputException($"{name} unpacks to more than {options.MaxUncompressedBytes / 1024 / 1024:N0} MB. Split it into smaller zips.");
                files.Add(new ApplicantFile(entry.Name, content));
            }
            return new ArchiveContents(files, skipped);
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
