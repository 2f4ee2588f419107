using System.Globalization;
using System.Text.RegularExpressions;

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

    [GeneratedRegex(@"\b(?<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?<unit>years?|yrs?|months?)\b(?!\s+old)", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"experience|experienced|work(ing|ed)?\b|professional|industry|track record|background|years of", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceContext();

    [GeneratedRegex(@"\bph\.?\s?d\b|\bdoctora(te|l)\b|\bd\.phil\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doctorate();

    [GeneratedRegex(@"\bmaster'?s?\b|\bmsc\b|\bm\.sc\b|\bmeng\b|\bmba\b|\b(?-i:M\.?S\.?c?)(?=[\s,/)]|$)|\bM\.?A\.?(?=\s+(?:degree|in)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Master();

    [GeneratedRegex(@"\bbachelor'?s?\b|\bbsc\b|\bb\.sc\b|\bbeng\b|\bundergraduate degree\b|\b(?-i:BS|BA|B\.S\.|B\.A\.)(?=[\s,/)]|$)|\buniversity degree\b|\bcollege degree\b", RegexOptions.IgnoreCase)]
    private static partial Regex Bachelor();

    [GeneratedRegex(@"\bassociate'?s? degree\b", RegexOptions.IgnoreCase)]
    private static partial Regex Associate();

    [GeneratedRegex(@"equivalent (industry |practical |work |professional |relevant )?experience|or equivalent\b|equivalent combination|or related experience", RegexOptions.IgnoreCase)]
    private static partial Regex Equivalent();

    // "MS" alone in these phrases is the software vendor, not a degree.
    [GeneratedRegex(@"\bMS\s+(?:Office|Excel|Word|SQL|Teams|Project|Access|Azure|Dynamics)\b")]
    private static partial Regex VendorMs();

    /// <summary>The smallest number of years the text asks for, or null when it states none.</summary>
    public static double? MinYears(string text)
    {
        if (!ExperienceContext().IsMatch(text))
            return null;
        double? min = null;
        foreach (Match match in Duration().Matches(text))
        {
            var raw = match.Groups["n"].Value;
            double value = NumberWords.TryGetValue(raw, out var word) ? word : double.Parse(raw, CultureInfo.InvariantCulture);
            if (match.Groups["unit"].Value.StartsWith("m", StringComparison.OrdinalIgnoreCase))
                value = Math.Round(value / 12.0, 2);
            if (value > 0 && (min is null || value < min))
                min = value;
        }
        return min;
    }

    /// <summary>The lowest degree level named (an "MS or PhD" requirement is met by an MS), or null.</summary>
    public static DegreeLevel? MinDegree(string text)
    {
        var cleaned = VendorMs().Replace(text, "");
        if (Associate().IsMatch(cleaned)) return DegreeLevel.Associate;
        if (Bachelor().IsMatch(cleaned)) return DegreeLevel.Bachelor;
        if (Master().IsMatch(cleaned)) return DegreeLevel.Master;
        if (Doctorate().IsMatch(cleaned)) return DegreeLevel.PhD;
        return null;
    }

    public static bool AcceptsEquivalentExperience(string text) => Equivalent().IsMatch(text);
}
