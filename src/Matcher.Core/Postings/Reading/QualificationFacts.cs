using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Structured facts inside a requirement: minimum years of experience and minimum degree level.
/// When the text offers several paths ("5 years with an MS or 3 years with a PhD"), the easiest one counts;
/// the requirement keeps its full text so a reader can see the alternatives.
/// </summary>
internal static partial class QualificationFacts
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20,
    };

    [GeneratedRegex(@"\b(?<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?<unit>years?|yrs?|months?|jahren?|monate?n?|ans|années|mois)\b(?!\s+old)", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"experience|experienced|work(ing|ed)?\b|professional|industry|track record|background|years of|erfahrung|expérience", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceContext();

    [GeneratedRegex(@"\bor\b|\boder\b|\bou\b", RegexOptions.IgnoreCase)]
    private static partial Regex Alternative();

    [GeneratedRegex(@"equivalent (industry |practical |work |professional |relevant )?experience|or equivalent\b|equivalent combination|or related experience|vergleichbare (ausbildung|qualifikation)", RegexOptions.IgnoreCase)]
    private static partial Regex Equivalent();

    /// <summary>
    /// The years the text asks for, or null when it states none. Alternatives joined by "or" ("5 years with
    /// an MS or 3 with a PhD") count by the easiest path; durations stated together ("5+ years, at least 2
    /// with Go") by the largest, which is the overall minimum.
    /// </summary>
    public static double? MinYears(string text)
    {
        if (!ExperienceContext().IsMatch(text))
            return null;
        var durations = Duration().Matches(text).Where(m => Years(m) > 0).ToList();
        if (durations.Count == 0)
            return null;
        var alternatives = durations.Zip(durations.Skip(1))
            .Any(pair => Alternative().IsMatch(text[(pair.First.Index + pair.First.Length)..pair.Second.Index]));
        return alternatives ? durations.Min(Years) : durations.Max(Years);
    }

    private static double Years(Match duration)
    {
        var raw = duration.Groups["n"].Value;
        double value = NumberWords.TryGetValue(raw, out var word) ? word : double.Parse(raw, CultureInfo.InvariantCulture);
        var unit = duration.Groups["unit"].Value.ToLowerInvariant();
        return unit.StartsWith('m') ? Math.Round(value / 12.0, 2) : value;
    }

    /// <summary>The lowest degree level named (an "MS or PhD" requirement is met by an MS), or null.</summary>
    public static DegreeLevel? MinDegree(string text) => DegreeVocabulary.Default.Lowest(text);

    public static bool AcceptsEquivalentExperience(string text) => Equivalent().IsMatch(text);
}
