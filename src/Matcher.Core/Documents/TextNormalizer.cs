using System.Text;
using System.Text.RegularExpressions;

namespace Matcher.Core.Documents;

/// <summary>Normalises extracted text: one line ending, no non-breaking or zero-width spaces, no trailing blanks.</summary>
internal static partial class TextNormalizer
{
    public static string Normalize(string text)
    {
        text = text.ReplaceLineEndings("\n")
            .Replace('\u00A0', ' ').Replace('\u2007', ' ').Replace('\u202F', ' ')
            .Replace("\u200B", "").Replace("\u00AD", "").Replace('\f', '\n');
        var sb = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
            sb.Append(line.TrimEnd()).Append('\n');
        return ManyBlankLines().Replace(sb.ToString(), "\n\n").Trim('\n');
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();
}
