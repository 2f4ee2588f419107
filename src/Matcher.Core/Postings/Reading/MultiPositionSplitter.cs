using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Reads documents that list several positions as numbered entries (a brochure or a table exported from a
/// PDF): an index "1 / Title", then one numbered block per position whose wrapped title cell,
/// description and an optional narrow last column (the product area) follow each other.
/// </summary>
internal static partial class MultiPositionSplitter
{
    public const string ProductAreaKey = "Product area";
    private const int MinPositions = 2;
    private const double NarrowColumnRatio = 0.6;
    private const int MinRepeatedHeaderWords = 3;
    private const int MaxTitleWords = 16;

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"^\(?\s*(job description|see|details) .*\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CrossReference();

    public sealed record Result(IReadOnlyList<string> Preamble, IReadOnlyList<Position> Positions);

    public static Result? TrySplit(IReadOnlyList<string> input)
    {
        var lines = WithoutRepeatedHeaders(input);
        var runs = NumberedRuns(lines);

        // Two runs of the same length: the first is the index of titles, the second holds the descriptions.
        // A single run is not enough, since page numbers of an exported PDF look just the same.
        if (runs.Count < 2 || runs[0].Count != runs[1].Count)
            return null;
        var (index, blocks) = (runs[0], runs[1]);
        var titles = index.Select(i => IndexTitle(lines, i)).ToList();
        if (titles.Any(t => t.Length == 0 || t.Split(' ').Length > MaxTitleWords))
            return null;

        var positions = new List<Position>();
        for (var p = 0; p < blocks.Count; p++)
        {
            var end = p + 1 < blocks.Count ? blocks[p + 1] : lines.Count;
            var block = lines.Skip(blocks[p] + 1).Take(end - blocks[p] - 1).ToList();
            positions.Add(ReadBlock(block, titles[p]));
        }
        var preambleEnd = index[0];
        return new Result(lines.Take(preambleEnd).ToList(), positions);
    }

    /// <summary>Runs of lines holding only 1, 2, 3… in order, each followed by text.</summary>
    private static List<List<int>> NumberedRuns(IReadOnlyList<string> lines)
    {
        var runs = new List<List<int>>();
        List<int>? run = null;
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (!NumberOnly().IsMatch(lines[i]) || lines[i + 1].Length == 0 && (i + 2 >= lines.Count || lines[i + 2].Length == 0))
                continue;
            var number = int.Parse(lines[i], System.Globalization.CultureInfo.InvariantCulture);
            if (number == 1)
            {
                run = [i];
                runs.Add(run);
            }
            else if (run is not null && number == run.Count + 1)
                run.Add(i);
        }
        return runs.Where(r => r.Count >= MinPositions).ToList();
    }

    private static string IndexTitle(IReadOnlyList<string> lines, int numberLine)
    {
        var title = new List<string>();
        for (var i = numberLine + 1; i < lines.Count && lines[i].Length > 0 && !CrossReference().IsMatch(lines[i]); i++)
            title.Add(lines[i]);
        return TextNormalizer.JoinLines(title);
    }

    private static Position ReadBlock(List<string> block, string indexTitle)
    {
        var start = block.FindIndex(l => l.Length > 0);
        var body = start < 0 ? [] : block.Skip(start).ToList();
        var (title, titleLines) = TitleCell(body, indexTitle);
        body = body.Skip(titleLines).ToList();

        var paragraphs = Paragraphs(body);
        var details = new Dictionary<string, string>();
        if (paragraphs.Count > 1 && IsNarrowColumn(paragraphs[^1], paragraphs[..^1]))
        {
            details[ProductAreaKey] = TextNormalizer.JoinLines(paragraphs[^1]);
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        var items = SectionedPostingBuilder.Keep(ItemExtractor.Extract(JoinParagraphs(paragraphs)), details);
        var firstBullet = items.FindIndex(i => i.Bulleted);
        var summary = firstBullet != 0 && items.Count > 0 && !items[0].Bulleted ? items[0].Text : null;
        var responsibilities = items.Where((item, i) => item.Bulleted || i > 0 || summary is null)
            .SelectMany(item => item.Bulleted ? [item.Text] : ItemExtractor.Sentences(item.Text)).ToList();
        if (responsibilities.Count == 0 && summary is not null)
            responsibilities = ItemExtractor.Sentences(summary).ToList();

        return new Position { Title = title, Summary = summary, Responsibilities = responsibilities, Details = details };
    }

    /// <summary>The title cell: the lines that spell the index title, however the PDF wrapped them.</summary>
    private static (string Title, int Lines) TitleCell(List<string> body, string indexTitle)
    {
        var target = Compact(indexTitle);
        var spelled = "";
        for (var i = 0; i < body.Count && target.StartsWith(spelled, StringComparison.Ordinal); i++)
        {
            spelled += Compact(body[i]);
            if (spelled == target)
                return (indexTitle, i + 1);
        }
        return (indexTitle, 0);
    }

    private static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant).ToArray());

    private static List<List<string>> Paragraphs(List<string> lines)
    {
        var paragraphs = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (paragraphs[^1].Count > 0)
                    paragraphs.Add([]);
                continue;
            }
            paragraphs[^1].Add(line);
        }
        return paragraphs.Where(p => p.Count > 0).ToList();
    }

    /// <summary>A table's last column wraps much narrower than the description column before it.</summary>
    private static bool IsNarrowColumn(List<string> candidate, List<List<string>> rest)
    {
        var widest = rest.SelectMany(p => p).Select(l => l.Length).DefaultIfEmpty(0).Max();
        var candidateWidest = candidate.Max(l => l.Length);
        return widest > 0 && candidateWidest <= widest * NarrowColumnRatio && !candidate[0].StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal);
    }

    private static List<string> JoinParagraphs(List<List<string>> paragraphs) =>
        paragraphs.SelectMany((p, i) => i == 0 ? p : p.Prepend("")).ToList();

    /// <summary>Removes page headers a PDF repeats on every page (a table's column names) just before a numbered entry.</summary>
    private static List<string> WithoutRepeatedHeaders(IReadOnlyList<string> lines)
    {
        var beforeNumber = new List<string>();
        string? next = null;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (next is not null && NumberOnly().IsMatch(next) && lines[i].Length > 0 && lines[i].Split(' ').Length >= MinRepeatedHeaderWords)
                beforeNumber.Add(lines[i]);
            if (lines[i].Length > 0)
                next = lines[i];
        }
        var repeated = beforeNumber.GroupBy(l => l).Where(g => g.Count() >= 2).Select(g => g.Key).ToHashSet();
        return lines.Where(l => !repeated.Contains(l)).ToList();
    }
}
