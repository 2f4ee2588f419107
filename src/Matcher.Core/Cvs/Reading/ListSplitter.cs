using System.Text;

namespace Matcher.Core.Cvs.Reading;

/// <summary>
/// Splits skill and language lines into items on commas, semicolons, bullets and pipes (never inside parentheses,
/// so "Python (pandas, NumPy)" stays whole), and de-duplicates case-insensitively, keeping the first spelling.
/// </summary>
public static class ListSplitter
{
    private const string Separators = ",;•|·▪●◦";
    private const int MaxItemWords = 8;

    public static IReadOnlyList<string> Split(IEnumerable<CvLine> lines)
    {
        var items = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var text0 in Unwrapped(lines))
        {
            var text = text0;
            // "Languages: Python, Go" — the label names a group, the items follow it.
            var colon = text.IndexOf(':');
            if (colon > 0 && colon < 40 && !text[..colon].Contains("http", StringComparison.OrdinalIgnoreCase))
                text = text[(colon + 1)..];
            foreach (var raw in SplitTopLevel(text))
            {
                var item = raw.Trim().TrimStart('-', '–', '*').TrimEnd('.').Trim();
                if (item.Length == 0 || item.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxItemWords)
                    continue;
                if (seen.Add(item))
                    items.Add(item);
            }
        }
        return items;
    }

    /// <summary>
    /// The lines' texts with a list that wrapped put back together: "Python, PyTorch, diffusion" then "models"
    /// on the next line is one list ending in "diffusion models", not a skill called "models".
    /// </summary>
    private static IEnumerable<string> Unwrapped(IEnumerable<CvLine> lines)
    {
        string? pending = null;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                if (pending is not null)
                    yield return pending;
                pending = null;
                continue;
            }
            var continues = pending is not null && !line.IsBullet && char.IsLower(line.Text[0])
                && pending.IndexOfAny(Separators.ToCharArray()) >= 0 && !Separators.Contains(pending.TrimEnd()[^1]);
            if (continues)
            {
                pending = $"{pending} {line.Text}";
                continue;
            }
            if (pending is not null)
                yield return pending;
            pending = line.Text;
        }
        if (pending is not null)
            yield return pending;
    }

    /// <summary>True when a line reads like a list of short items rather than a sentence.</summary>
    public static bool LooksLikeList(string text)
    {
        var parts = SplitTopLevel(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count >= 3
            && parts.All(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4)
            && !text.TrimEnd().EndsWith('.');
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            if (depth == 0 && Separators.Contains(c))
            {
                yield return sb.ToString();
                sb.Clear();
                continue;
            }
            sb.Append(c);
        }
        yield return sb.ToString();
    }
}
