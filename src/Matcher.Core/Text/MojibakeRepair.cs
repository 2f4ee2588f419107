using System.Text;
using System.Text.RegularExpressions;

namespace Matcher.Core.Text;

/// <summary>
/// Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere upstream ("â€”" for "—").
/// Each suspicious run is re-encoded and decoded again as strict UTF-8; a run is replaced only when it
/// forms a complete, valid UTF-8 sequence, so correct accented text ("café", "Ångström") is left alone.
/// </summary>
internal static partial class MojibakeRepair
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(
        1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    // "Â" left over from a non-breaking space whose second byte was later turned into a plain space.
    [GeneratedRegex("(?<=\\S)\u00C2(?=[ \t])")]
    private static partial Regex OrphanNbspLead();

    // Windows-1252 punctuation read as Latin-1 lands in the C1 control block (0x92 for "’").
    [GeneratedRegex("[\u0080-\u009F]")]
    private static partial Regex StrayControls();

    public static string Repair(string text)
    {
        // Twice, for text that went through the wrong decoding twice.
        for (var pass = 0; pass < 2; pass++)
        {
            var repaired = StrayControls().Replace(OrphanNbspLead().Replace(RepairSequences(text), ""), m => Windows1252Char(m.Value[0]));
            if (repaired == text)
                break;
            text = repaired;
        }
        return text;
    }

    private static string RepairSequences(string text)
    {
        StringBuilder? builder = null;
        var copiedUpTo = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < '\u00C2' or > '\u00F4')
                continue;
            var length = c switch { >= '\u00F0' => 4, >= '\u00E0' => 3, _ => 2 };
            if (i + length > text.Length)
                continue;
            var decoded = TryDecode(text.AsSpan(i, length));
            if (decoded is null)
                continue;
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copiedUpTo, i - copiedUpTo).Append(decoded);
            i += length - 1;
            copiedUpTo = i + 1;
        }
        return builder is null ? text : builder.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
    }

    private static string? TryDecode(ReadOnlySpan<char> run)
    {
        Span<byte> bytes = stackalloc byte[run.Length];
        for (var i = 0; i < run.Length; i++)
        {
            var b = ToByte(run[i]);
            if (b is null || (i > 0 && b is < 0x80 or > 0xBF))
                return null;
            bytes[i] = b.Value;
        }
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Windows1252Char(char control)
    {
        try { return Windows1252.GetString([(byte)control]); }
        catch (DecoderFallbackException) { return ""; }
    }

    private static byte? ToByte(char c)
    {
        if (c <= '\u00FF')
            return (byte)c;
        try { return Windows1252.GetBytes([c])[0]; }
        catch (EncoderFallbackException) { return null; }
    }
}
