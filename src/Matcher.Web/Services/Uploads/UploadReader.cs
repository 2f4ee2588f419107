using Matcher.Core.Documents;
using Matcher.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using Matcher.Web.Services.Matching;

namespace Matcher.Web.Services.Uploads;

/// <summary>
/// Receives a file chosen in the browser, into memory or a stream given, never more than the upload limit. The size the browser
/// declares is checked first, and what actually arrives is counted as well, because the declaration comes
/// from the client. Which format the bytes are is decided later by their content (DocumentReader).
/// </summary>
public static class UploadReader
{
    private const int ChunkBytes = 81920;

    /// <exception cref="InputException">The file is empty, over the limit, or did not arrive completely.</exception>
    public static async Task<UploadedFile> ReadAsync(IBrowserFile file, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream((int)Math.Min(Math.Max(file.Size, 0), maxBytes));
        await ReceiveAsync(file, maxBytes, buffer, cancellationToken);
        return new UploadedFile(file.Name, buffer.ToArray());
    }

    /// <summary>
    /// Receives a file into a stream of the caller's (a temporary file for uploads too large to hold in memory),
    /// with the same checks as <see cref="ReadAsync"/>; returns the bytes received.
    /// </summary>
    /// <exception cref="InputException">The file is empty, over the limit, or did not arrive completely.</exception>
    public static async Task<long> ReceiveAsync(IBrowserFile file, long maxBytes, Stream target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size == 0)
            throw Empty(file.Name);
        if (file.Size > maxBytes)
            throw TooLarge(file.Name, file.Size, maxBytes);
        try
        {
            await using var stream = file.OpenReadStream(maxBytes, cancellationToken);
            var chunk = new byte[ChunkBytes];
            long received = 0;
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (received + read > maxBytes)
                    throw new InputException($"{file.Name} is larger than the {UploadBox.FormatSize(maxBytes)} limit. Choose a smaller file.");
                await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                received += read;
            }
            return received == 0 ? throw Empty(file.Name) : received;
        }
        catch (Exception ex) when (ex is IOException or JSException)
        {
            // The browser stopped sending (connection lost, file changed on disk, limit hit inside the stream).
            throw new InputException($"{file.Name} did not arrive completely. Choose it again; if it keeps failing, check that it is at most {UploadBox.FormatSize(maxBytes)}.", ex);
        }
    }

    private static InputException Empty(string name) => new($"{name} is empty. Choose a file that contains the text.");

    private static InputException TooLarge(string name, long size, long maxBytes) =>
        new($"{name} is {UploadBox.FormatSize(size)}; the limit is {UploadBox.FormatSize(maxBytes)}. Choose a smaller file.");
}
