using System.Security.Cryptography;

namespace Matcher.Data.Files;

/// <summary>
/// Uploaded originals (CV files of sessions and of ranking applicants), kept as files named by the SHA-256 of their
/// content. The database holds the name (the key) and what was read from the file; the same file uploaded twice is
/// stored once. Files are written to a temporary name and moved into place, so a reader never sees half a file and
/// two instances saving the same content agree on the result.
/// </summary>
public sealed class FileStore
{
    private const int KeyLength = 64;

    public FileStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>The key of content: its SHA-256 in lower-case hex, as the file is named.</summary>
    public static string KeyOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Where the file of a key lives; two-letter subfolders keep any one folder small.</summary>
    public string PathOf(string key)
    {
        if (!IsKey(key))
            throw new ArgumentException($"'{key}' is not a file store key (64 lower-case hex digits).", nameof(key));
        return Path.Combine(Folder, key[..2], key);
    }

    public static bool IsKey(string? key) => key is { Length: KeyLength } && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public bool Contains(string key) => File.Exists(PathOf(key));

    /// <summary>Stores content and returns its key; content already stored is not written again.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(content.Span);
        var path = PathOf(key);
        if (Touch(path))
            return key;
        var temp = TempPath();
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(content, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        Publish(temp, path);
        return key;
    }

    /// <summary>Stores a stream's content without holding it in memory, hashing as it copies; returns the key and length.</summary>
    public async Task<(string Key, long Length)> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var temp = TempPath();
        long length = 0;
        string key;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }
                await target.FlushAsync(cancellationToken);
            }
            key = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        var path = PathOf(key);
        if (Touch(path))
            TryDelete(temp);
        else
            Publish(temp, path);
        return (key, length);
    }

    /// <summary>The content of a key, or null when no such file is stored.</summary>
    public async Task<byte[]?> TryReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(PathOf(key), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file of a row: from the store by key, or, for a row saved before originals left the database, its own bytes.</summary>
    public async Task<byte[]?> ReadOriginalAsync(string? key, byte[]? inDatabase, CancellationToken cancellationToken = default) =>
        key is null ? inDatabase : await TryReadAsync(key, cancellationToken);

    /// <summary>
    /// Removes a file: its bytes are overwritten with zeros first, so a deleted CV is not left readable in the
    /// disk's free space by anyone holding a copy of the folder. False when it was not there.
    /// </summary>
    public bool Delete(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
            return false;
        try
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None))
            {
                var zeros = new byte[Math.Min(stream.Length, 81920)];
                for (var left = stream.Length; left > 0; left -= zeros.Length)
                    stream.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Another instance is deleting or reading it; the delete below still removes it.
        }
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        return true;
    }

    /// <summary>A scratch file for an upload on its way in, beside the store so it shares its disk; deleted when closed.</summary>
    public Stream CreateTemporary() =>
        new FileStream(TempPath(), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);

    /// <summary>
    /// Files written before the cutoff, with their keys; scratch files left by a stopped process come with a null key.
    /// The sweep of unused files reads this.
    /// </summary>
    public IEnumerable<(string? Key, string Path)> FilesWrittenBefore(DateTime cutoffUtc)
    {
        foreach (var path in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(path) >= cutoffUtc)
                continue;
            var name = Path.GetFileName(path);
            if (IsKey(name))
                yield return (name, path);
            else if (name.StartsWith(".upload-", StringComparison.Ordinal))
                yield return (null, path);
        }
    }

    /// <summary>
    /// True when the file exists; its time is renewed, so a file saved again (perhaps for a list of applicants
    /// not yet started) counts as new to the sweep of unused files.
    /// </summary>
    private static bool Touch(string path)
    {
        if (!File.Exists(path))
            return false;
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
            // Read-only or busy: the file is there all the same.
        }
        catch (UnauthorizedAccessException)
        {
        }
        return true;
    }

    private string TempPath() => Path.Combine(Folder, $".upload-{Guid.NewGuid():N}.tmp");

    private static void Publish(string temp, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Saved meanwhile by another request or instance: the same bytes, since the name is their hash.
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }
}
