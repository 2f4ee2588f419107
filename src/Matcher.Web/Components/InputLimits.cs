namespace Matcher.Web.Components;

/// <summary>
/// How much text a browser may send in one piece. Pasted postings travel over the page's live connection,
/// so the connection accepts the longest paste the text boxes allow, whatever its characters.
/// </summary>
public static class InputLimits
{
    /// <summary>Longest posting text that can be pasted (about 100 printed pages).</summary>
    public const int MaxPastedChars = 250_000;

    /// <summary>
    /// Largest message the live connection accepts: every character as a 6-byte JSON escape (the worst case,
    /// e.g. control characters), plus room for the rest of the message.
    /// </summary>
    public const long MaxMessageBytes = MaxPastedChars * 6L + 64 * 1024;
}
