using Matcher.Core.Documents;
using Matcher.Web.Components.Shared;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Matcher.Web.Services;

/// <summary>
/// Receives a file chosen in the browser into memory, never more than the upload limit. The size the browser
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
        if (file.Size == 0)
            throw Empty(file.Name);
        if (file.Size > maxBytes)
            throw TooLarge(file.Name, file.Size, maxBytes);
        try
        {
            await using var stream = file.OpenReadStream(maxBytes, cancellationToken);
            using var buffer = new MemoryStream((int)Math.Min(file.Size, maxBytes));
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    throw new InputException($"{file.Name} is larger than the {UploadBox.FormatSize(maxBytes)} limit. Choose a smaller file.");
                buffer.Write(chunk, 0, read);
            }
            return buffer.Length == 0 ? throw Empty(file.Name) : new UploadedFile(file.Name, buffer.ToArray());
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
