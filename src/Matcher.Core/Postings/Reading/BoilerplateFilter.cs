using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Recognises text that is never a requirement or a responsibility: legal notices, equal-opportunity and
/// fair-chance statements, accommodation offers, recruiter notes, job-board intros and tracking tags.
/// </summary>
internal static partial class BoilerplateFilter
{
    private static readonly (NotScoredReason Reason, string[] Phrases)[] Groups =
    [
        (NotScoredReason.EqualOpportunity, [
        "equal opportunity", "equal opportunities", "equal employment opportunity", "affirmative action",
        "without regard to", "does not discriminate", "do not discriminate", "legally protected",
        "protected veteran", "protected characteristic", "fair chance", "arrest and conviction", "conviction record",
        "e-verify", "inclusive employer"]),
        (NotScoredReason.Accommodation, ["workplace accommodation", "reasonable accommodation", "accommodation or adjustment", "need an accommodation",
        "request an accommodation", "require an accommodation", "accommodation request", "reasonable adjustment"]),
        (NotScoredReason.Privacy, ["privacy notice", "privacy policy", "personal information", "personal data", "data protection"]),
        (NotScoredReason.RecruiterNote, ["contact the recruiter", "recruiting partner", "recruitment agenc", "unsolicited resume", "unsolicited cv",
        "third-party agenc", "headhunter"]),
        (NotScoredReason.Navigation, ["this job is with", "mygwork", "business community", "apply via", "apply on our website"]),
    ];

    // Tracking tags ("#LI-Remote") and page numbers left by a PDF export ("2", "Page 2 of 3", "2/3").
    [GeneratedRegex(@"^#?LI-[A-Za-z0-9]+$|^#[A-Za-z0-9]+$|^\d{1,3}$|^page \d+( of \d+)?$|^\d{1,3}\s*/\s*\d{1,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex TrackingTag();

    public static bool IsBoilerplate(string text) => Reason(text) is not null;

    /// <summary>Why the text is boilerplate, or null when it is not.</summary>
    public static NotScoredReason? Reason(string text)
    {
        var trimmed = text.Trim();
        if (TrackingTag().IsMatch(trimmed))
            return NotScoredReason.Navigation;
        foreach (var (reason, phrases) in Groups)
            foreach (var phrase in phrases)
                if (trimmed.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                    return reason;
        return null;
    }
}
