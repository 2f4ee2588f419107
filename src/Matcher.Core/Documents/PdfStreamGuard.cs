using System.IO.Compression;

namespace Matcher.Core.Documents;

/// <summary>
/// Unpacks a PDF's Flate-compressed streams into nothing before the PDF reader sees them, counting the bytes: a
/// stream of a few KB can unpack to gigabytes, which the reader would hold in memory whole. Streams are found by
/// their <c>stream</c> … <c>endstream</c> keywords rather than through the cross-reference table, so a damaged or
/// lying table does not hide one. Images are left out: the reader does not unpack them to read text.
/// </summary>
internal static class PdfStreamGuard
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStreamKeyword = "endstream"u8.ToArray();
    private static readonly byte[] FlateName = "/FlateDecode"u8.ToArray();
    private static readonly byte[] ShortFlateName = "/Fl"u8.ToArray();
    private static readonly byte[] ImageName = "/Image"u8.ToArray();
    private static readonly byte[] DictionaryStart = "<<"u8.ToArray();

    // How far back from "stream" its dictionary may start; real ones are a few hundred bytes.
    private const int DictionaryWindow = 4096;

    public static void Inspect(byte[] bytes, string name, DocumentReaderOptions options)
    {
        long total = 0;
        var buffer = new byte[81920];
        var at = 0;
        while (true)
        {
            var found = bytes.AsSpan(at).IndexOf(StreamKeyword);
            if (found < 0)
                return;
            var keyword = at + found;
            at = keyword + StreamKeyword.Length;
            // "endstream" contains "stream"; only the keyword that opens data counts.
            if (keyword >= 3 && bytes.AsSpan(keyword - 3, 3).SequenceEqual("end"u8))
                continue;
            var dataStart = DataStart(bytes, at);
            if (dataStart < 0)
                continue;
            var dictionary = Dictionary(bytes, keyword);
            if (!IsFlate(dictionary) || dictionary.IndexOf(ImageName) >= 0)
                continue;
            var end = bytes.AsSpan(dataStart).IndexOf(EndStreamKeyword);
            var dataEnd = end < 0 ? bytes.Length : dataStart + end;
            var unpacked = Unpacked(bytes, dataStart, dataEnd, Math.Min(options.MaxPdfStreamBytes, options.MaxPdfStreamsBytes - total) + 1, buffer);
            if (unpacked > options.MaxPdfStreamBytes)
                throw Bomb(name, $"one of its compressed streams unpacks to more than {Megabytes(options.MaxPdfStreamBytes)}");
            total += unpacked;
            if (total > options.MaxPdfStreamsBytes)
                throw Bomb(name, $"its compressed streams unpack to more than {Megabytes(options.MaxPdfStreamsBytes)} together");
            at = dataEnd;
        }
    }

    /// <summary>Where the data begins: after "stream" and its end of line; -1 when the word is not the keyword.</summary>
    private static int DataStart(byte[] bytes, int afterKeyword)
    {
        if (afterKeyword < bytes.Length && bytes[afterKeyword] == '\r')
            afterKeyword++;
        return afterKeyword < bytes.Length && bytes[afterKeyword] == '\n' ? afterKeyword + 1 : -1;
    }

    private static ReadOnlySpan<byte> Dictionary(byte[] bytes, int keyword)
    {
        var from = Math.Max(0, keyword - DictionaryWindow);
        var window = bytes.AsSpan(from, keyword - from);
        // The dictionary's outermost "<<" is the first one after the previous stream's data or object.
        var previousEnd = window.LastIndexOf("endobj"u8);
        if (previousEnd >= 0)
            window = window[previousEnd..];
        var start = window.IndexOf(DictionaryStart);
        return start < 0 ? window : window[start..];
    }

    private static bool IsFlate(ReadOnlySpan<byte> dictionary)
    {
        if (dictionary.IndexOf(FlateName) >= 0)
            return true;
        // The abbreviation inline images may use: "/Fl" as a whole name.
        var index = dictionary.IndexOf(ShortFlateName);
        return index >= 0 && (index + 3 >= dictionary.Length || !char.IsAsciiLetterOrDigit((char)dictionary[index + 3]));
    }

    /// <summary>Bytes the stream unpacks to, counted up to the limit; what cannot be unpacked counts as far as it got.</summary>
    private static long Unpacked(byte[] bytes, int start, int end, long limit, byte[] buffer)
    {
        long count = 0;
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(bytes, start, end - start, writable: false), CompressionMode.Decompress);
            int read;
            while (count < limit && (read = inflater.Read(buffer, 0, buffer.Length)) > 0)
                count += read;
        }
        catch (InvalidDataException)
        {
            // A stream that does not inflate is the reader's to judge (it reports damage); it holds no bomb.
        }
        return count;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    private static InputException Bomb(string name, string why) =>
        new($"{name} was rejected: {why}, far beyond any real CV, so it was not opened. Export the CV again from the original document, or upload DOCX/TXT.");
}
