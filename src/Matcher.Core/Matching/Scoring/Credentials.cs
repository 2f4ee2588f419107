using System.Text.RegularExpressions;

namespace Matcher.Core.Matching.Scoring;

/// <summary>
/// Licences and certificates are gates: a posting that names one needs it held, and a CV that says a licence
/// lapsed, expired or is not yet held does not hold it, however close its wording.
/// </summary>
internal static partial class Credentials
{
    [GeneratedRegex(@"\b(licen[cs]e[ds]?|licensure|certificat(e|es|ion|ions)|certified|registration|registered|qualified teacher status)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();

    [GeneratedRegex(@"\b(lapsed|expired|not renewed|not yet|not an?|scheduled|booked|pending|awaiting|working towards|no longer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotHeldPattern();

    [GeneratedRegex(@"\b(within|in) (the )?(first )?(\d+|[a-z]+)[\s-]*(days?|weeks?|months?|years?) (of|after|from|following) (the )?(hire|hiring|employment|start|starting|joining|appointment|start date|date of hire)\b|\b(willing(ness)?|able|ability) to (obtain|acquire|earn|get)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterHirePattern();

    [GeneratedRegex(@"[;\n]|\.\s")]
    private static partial Regex ClauseBreak();

    /// <summary>True when the requirement asks for a licence or certificate.</summary>
    public static bool Names(string requirement) => CredentialPattern().IsMatch(requirement);

    /// <summary>
    /// True when the requirement lets the credential be earned after hire ("or gained in the first three months of
    /// employment", "willing to obtain"): an employer who trains new staff for it does not screen applicants by it,
    /// so it is not a gate, though a CV that already holds it still reads better on the row.
    /// </summary>
    public static bool ObtainableAfterHire(string requirement) => AfterHirePattern().IsMatch(requirement);

    /// <summary>
    /// What the CV says is not held: the lines in which a credential lapsed, expired or is not yet held. Such a
    /// statement outweighs other mentions of the same thing, such as a past job title ("Registered Nurse").
    /// </summary>
    public static string NotHeld(string text) =>
        string.Join("\n", ClauseBreak().Split(text).Where(clause => NotHeldPattern().IsMatch(clause)));
}
