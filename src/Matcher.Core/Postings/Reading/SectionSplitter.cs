namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Cuts normalised posting lines into sections at the headings <see cref="HeadingVocabulary"/> knows.
/// Headings broken over two or three short lines (as PDF table cells often are) are joined first, and a
/// short line naming a job opens a <see cref="SectionKind.Title"/> section.
/// </summary>
internal static class SectionSplitter
{
    private const int MaxHeadingPieceWords = 3;

    public static IReadOnlyList<Section> Split(IReadOnlyList<string> lines)
    {
        var sections = new List<Section>();
        var kind = SectionKind.Intro;
        string? heading = null;
        var body = new List<string>();
        var titleSeen = false;

        for (var i = 0; i < lines.Count; i++)
        {
            var (headingKind, consumed, text) = MatchHeading(lines, i);
            if (headingKind is null && !titleSeen && kind is SectionKind.Intro or SectionKind.About
                && JobTitleRules.LooksLikeTitle(lines[i]))
            {
                (headingKind, consumed, text) = (SectionKind.Title, 1, lines[i].Trim());
                titleSeen = true;
            }
            if (headingKind is null)
            {
                body.Add(lines[i]);
                continue;
            }
            Flush();
            (kind, heading) = (headingKind.Value, text);
            i += consumed - 1;
        }
        Flush();
        return sections;

        void Flush()
        {
            while (body.Count > 0 && body[^1].Length == 0)
                body.RemoveAt(body.Count - 1);
            if (heading is not null || body.Count > 0)
                sections.Add(new Section(kind, heading, body.SkipWhile(l => l.Length == 0).ToList()));
            body = [];
        }
    }

    /// <summary>Tries the longest heading first: three lines, then two, then one.</summary>
    private static (SectionKind? Kind, int Consumed, string Text) MatchHeading(IReadOnlyList<string> lines, int start)
    {
        if (lines[start].Length == 0)
            return (null, 0, "");
        var single = HeadingVocabulary.Classify(lines[start]);
        for (var count = 3; count >= 2; count--)
        {
            var pieces = new List<string>();
            var end = start;
            while (end < lines.Count && pieces.Count < count)
            {
                var line = lines[end];
                // A blank line may sit inside a broken heading only after a joining word ("Allowance and").
                if (line.Length == 0 && pieces.Count > 0 && EndsWithJoiner(pieces[^1]))
                {
                    end++;
                    continue;
                }
                if (line.Length == 0 || line.Split(' ').Length > MaxHeadingPieceWords)
                    break;
                pieces.Add(line);
                end++;
            }
            if (pieces.Count != count)
                continue;
            // A line that is a heading on its own is joined only through a joining word ("Allowance" + "and" + "Benefit").
            if (single is not null && !pieces.Any(EndsWithJoiner))
                continue;
            var joined = string.Join(' ', pieces);
            if (HeadingVocabulary.Classify(joined) is { } kind)
                return (kind, end - start, HeadingVocabulary.Clean(joined));
        }
        return single is null ? (null, 0, "") : (single, 1, HeadingVocabulary.Clean(lines[start]));
    }

    private static bool EndsWithJoiner(string line) =>
        line.EndsWith(" and", StringComparison.OrdinalIgnoreCase) || line.Equals("and", StringComparison.OrdinalIgnoreCase)
        || line.EndsWith('&') || line.EndsWith('/');
}
