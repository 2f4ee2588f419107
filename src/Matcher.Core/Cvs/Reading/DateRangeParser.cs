using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Core.Cvs.Reading;

/// <summary>A period found in a line of a CV, with where it was found so the rest of the line can be read.</summary>
public sealed record DateRange(YearMonth Start, YearMonth? End, bool IsCurrent, int Index, int Length);

/// <summary>
/// Finds date ranges as CVs write them: "2021-03", "03/2021", "Mar 2021", "March 2021", "2019",
/// joined by hyphens, en/em dashes or "to", ending in a date or in "present"/"current"/"now" (English, German, Spanish).
/// </summary>
public static partial class DateRangeParser
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly string MonthNames = string.Join("|", Months.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
    private static readonly string DatePattern =
        $@"(?:(?:19|20)\d{{2}}[-/.](?:1[0-2]|0?[1-9])(?!\d)|(?:1[0-2]|0?[1-9])[/.](?:19|20)\d{{2}}|(?:{MonthNames})\.?,?\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}})";
    private const string PresentPattern =
        @"present|current(?:ly)?|now|today|ongoing|to\s+date|date|heute|aktuell|jetzt|dato|la\s+actualidad|actualidad|presente|actual|hoy";
    private const string Separator = @"\s*(?:-|–|—|‒|―|~|\bto\b|\buntil\b|\btill\b|\bbis\b|\bhasta\b|\ba\b)\s*";

    private static readonly Regex RangeRegex = new(
        $@"(?<![\w/.-])(?<start>{DatePattern}){Separator}(?:(?<present>{PresentPattern})\b|(?<end>{DatePattern}))(?![\w/])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex SinceRegex = new(
        $@"\b(?:since|seit|desde)\s+(?<start>{DatePattern})(?![\w/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex SingleRegex = new(
        $@"(?<![\w/.-])(?<start>{DatePattern})(?![\w/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The first range in the line ("2019 – 2021", "since 2020"), or null.</summary>
    public static DateRange? FindRange(string line)
    {
        var m = RangeRegex.Match(line);
        if (m.Success && Parse(m.Groups["start"].Value) is { } start)
        {
            var current = m.Groups["present"].Success;
            var end = current ? null : Parse(m.Groups["end"].Value);
            if (current || end is { } e && e >= start)
                return new DateRange(start, end, current, m.Index, m.Length);
        }
        var since = SinceRegex.Match(line);
        if (since.Success && Parse(since.Groups["start"].Value) is { } from)
            return new DateRange(from, null, true, since.Index, since.Length);
        return null;
    }

    /// <summary>A range, or else a single date as a period of its own ("May 2020"), or null.</summary>
    public static DateRange? FindRangeOrDate(string line)
    {
        if (FindRange(line) is { } range)
            return range;
        var m = SingleRegex.Match(line);
        return m.Success && Parse(m.Groups["start"].Value) is { } date ? new DateRange(date, date, false, m.Index, m.Length) : null;
    }

    /// <summary>Every four-digit year in the text, in order.</summary>
    public static IEnumerable<int> Years(string text) =>
        YearRegex().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture));

    /// <summary>Parses one date; a year alone means January of that year.</summary>
    public static YearMonth? Parse(string token)
    {
        token = token.Trim().TrimEnd('.');
        var iso = IsoRegex().Match(token);
        if (iso.Success)
            return new YearMonth(Int(iso.Groups["y"].Value), Int(iso.Groups["m"].Value));
        var numeric = NumericRegex().Match(token);
        if (numeric.Success)
            return new YearMonth(Int(numeric.Groups["y"].Value), Int(numeric.Groups["m"].Value));
        var named = NamedRegex().Match(token);
        if (named.Success && Months.TryGetValue(named.Groups["mon"].Value.ToLowerInvariant(), out var month))
            return new YearMonth(Int(named.Groups["y"].Value), month);
        var year = YearRegex().Match(token);
        return year.Success ? new YearMonth(Int(year.Value), 1) : null;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["jan", "january", "januar", "jänner", "ene", "enero"],
            ["feb", "february", "februar", "febrero"],
            ["mar", "march", "mär", "märz", "mrz", "marzo"],
            ["apr", "april", "abr", "abril"],
            ["may", "mai", "mayo"],
            ["jun", "june", "juni", "junio"],
            ["jul", "july", "juli", "julio"],
            ["aug", "august", "ago", "agosto"],
            ["sep", "sept", "september", "septiembre", "setiembre"],
            ["oct", "october", "okt", "oktober", "octubre"],
            ["nov", "november", "noviembre"],
            ["dec", "december", "dez", "dezember", "dic", "diciembre"],
        ];
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
            foreach (var n in names[i])
                map[n] = i + 1;
        return map;
    }

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})[-/.](?<m>1[0-2]|0?[1-9])$")]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(?<m>1[0-2]|0?[1-9])[/.](?<y>(?:19|20)\d{2})$")]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"^(?<mon>\p{L}+)\.?,?\s+(?<y>(?:19|20)\d{2})$")]
    private static partial Regex NamedRegex();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex YearRegex();
}
