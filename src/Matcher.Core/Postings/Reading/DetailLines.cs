using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>"Label: value" lines that are facts about the posting (reference number, location, salary…), not requirements.</summary>
internal static partial class DetailLines
{
    [GeneratedRegex(@"^(?<label>(?:role|job|requisition|req|reference|ref|vacancy|posting)\s*(?:number|no\.?|id|#)|(?:job |work )?location|(?:date )?posted|salary|pay( range)?|compensation|employment type|job type|contract( type)?|department|division|start date|closing date|(?:application )?deadline|(?:working )?hours|schedule|travel|shift|remote)\s*[:：]\s*(?<value>\S.{0,100})$", RegexOptions.IgnoreCase)]
    private static partial Regex Detail();

    public static bool TryRead(string line, out string label, out string value)
    {
        var match = Detail().Match(line.Trim());
        (label, value) = match.Success ? (match.Groups["label"].Value.Trim(), match.Groups["value"].Value.Trim()) : ("", "");
        return match.Success;
    }
}
