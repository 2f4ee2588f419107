using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>"Label: value" lines that are facts about the posting (reference number, location, salary…), not requirements.</summary>
internal static partial class DetailLines
{
    [GeneratedRegex(@"^(?<label>(?:role|job|requisition|req|reference|ref|vacancy|posting)\s*(?:number|no\.?|id|#)|(?:job |position )?title|position|role|company|employer|(?:job |work )?location|(?:date )?posted|salary|pay( range)?|(?:salary |pay |wage )?range|compensation|employment type|employment status|(?:flsa )?status|job type|contract( type)?|department|division|team|reports? to|reporting to|start date|closing date|(?:application )?deadline|(?:working |work )?hours|schedule|shift|travel|remote|(?:internship )?timeframe)\s*[:：]\s*(?<value>\S.{0,100})$", RegexOptions.IgnoreCase)]
    private static partial Regex Detail();

    [GeneratedRegex(@"^(?:(?:job |position )?title|position|role)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLabel();

    [GeneratedRegex(@"^(?:company|employer)$", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyLabel();

    // "Qualified students: rising seniors", "Open to: final-year students": who may apply is a requirement, not a fact about the posting.
    [GeneratedRegex(@"^(?:(?:qualified|eligible) (?:students|candidates|applicants|graduates)|eligibility|who (?:can|may|should) apply|open to|(?:candidate|applicant) requirements?|(?:class|academic) (?:standing|level)|year of study)\s*[:：]\s*\S", RegexOptions.IgnoreCase)]
    private static partial Regex EligibilityLine();

    public static bool IsEligibility(string line) => EligibilityLine().IsMatch(line.Trim());

    /// <summary>The value of a "Title:" or "Position:" line among the details, if any.</summary>
    public static string? Title(IReadOnlyDictionary<string, string> details) =>
        details.Where(d => TitleLabel().IsMatch(d.Key)).Select(d => d.Value).FirstOrDefault();

    /// <summary>The value of a "Company:" line among the details, if any.</summary>
    public static string? Company(IReadOnlyDictionary<string, string> details) =>
        details.Where(d => CompanyLabel().IsMatch(d.Key)).Select(d => d.Value).FirstOrDefault();

    public static bool TryRead(string line, out string label, out string value)
    {
        var match = Detail().Match(line.Trim());
        (label, value) = match.Success ? (match.Groups["label"].Value.Trim(), match.Groups["value"].Value.Trim()) : ("", "");
        return match.Success;
    }
}
