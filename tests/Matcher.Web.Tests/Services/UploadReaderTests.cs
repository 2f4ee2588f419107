using Matcher.Core.Documents;
using Matcher.Web.Services.Uploads;
using Microsoft.AspNetCore.Components.Forms;

namespace Matcher.Web.Tests.Services;

public sealed class UploadReaderTests
{
    /// <summary>A browser file whose declared size and delivered bytes can disagree, as a tampered client's can.</summary>
    private sealed class BrowserFile(string name, long declaredSize, Stream content) : IBrowserFile
    {
        public int Opened { get; private set; }
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => declaredSize;
        public string ContentType => "application/octet-stream";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened++;
            return content;
        }
    }

    /// <summary>Gives some bytes, then fails as a dropped connection does.</summary>
    private sealed class BrokenStream(int goodBytes) : MemoryStream(new byte[goodBytes])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("connection reset");
    }

    /// <summary>Counts what was taken from it, readable after the reader has disposed it.</summary>
    private sealed class CountingStream(int length) : MemoryStream(new byte[length])
    {
        public long Delivered { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            Delivered += read;
            return read;
        }
    }

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_a_file_within_the_limit_with_its_name()
    {
        var bytes = Fixtures.Bytes("cvs", "cv-markdown.md");
        var file = new BrowserFile("cv.md", bytes.Length, new MemoryStream(bytes));

        var upload = await UploadReader.ReadAsync(file, maxBytes: bytes.Length, Ct);

        Assert.Equal("cv.md", upload.Name);
        Assert.Equal(bytes, upload.Content);
    }

    [Fact]
    public async Task Refuses_a_file_declared_over_the_limit_without_opening_it()
    {
        var file = new BrowserFile("huge.pdf", 50_000, new MemoryStream(new byte[50_000]));

        var error = await Assert.ThrowsAsync<InputException>(() => UploadReader.ReadAsync(file, maxBytes: 1024, Ct));

        Assert.Contains("the limit is 1 KB", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, file.Opened);
    }

    [Fact]
    public async Task Stops_reading_when_more_arrives_than_the_limit_even_if_the_declared_size_was_small()
    {
        var stream = new CountingStream(200_000);
        var file = new BrowserFile("lying.txt", 10, stream);

        var error = await Assert.ThrowsAsync<InputException>(() => UploadReader.ReadAsync(file, maxBytes: 1024, Ct));

        Assert.Contains("lying.txt is larger than the 1 KB limit", error.Message, StringComparison.Ordinal);
        // One chunk past the limit is where it stopped, not the whole stream.
        Assert.True(stream.Delivered < 200_000, $"Read {stream.Delivered:N0} of 200,000 bytes.");
    }

    [Fact]
    public async Task Refuses_an_empty_file()
    {
        var file = new BrowserFile("empty.docx", 0, new MemoryStream());

        var error = await Assert.ThrowsAsync<InputException>(() => UploadReader.ReadAsync(file, maxBytes: 1024, Ct));

        Assert.Contains("empty.docx is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_that_breaks_off_becomes_a_message_to_choose_the_file_again()
    {
        var file = new BrowserFile("cv.pdf", 500, new BrokenStream(100));

        var error = await Assert.ThrowsAsync<InputException>(() => UploadReader.ReadAsync(file, maxBytes: 1024, Ct));

        Assert.Contains("cv.pdf did not arrive completely", error.Message, StringComparison.Ordinal);
    }
}
