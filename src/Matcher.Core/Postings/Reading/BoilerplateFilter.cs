using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Recognises text that is never a requirement or a responsibility: legal notices, equal-opportunity and
/// fair-chance statements, accommodation offers, recruiter notes, job-board intros and tracking tags.
/// </summary>
internal static partial class BoilerplateFilter
{
    private static readonly string[] Phrases =
    [
        // Equal opportunity and non-discrimination.
        "equal opportunity", "equal opportunities", "equal employment opportunity", "affirmative action",
        "without regard to", "does not discriminate", "do not discriminate", "legally protected",
        "protected veteran", "protected characteristic", "fair chance", "arrest and conviction", "conviction record",
        "e-verify", "inclusive employer",
        // Accommodation.
        "workplace accommodation", "reasonable accommodation", "accommodation or adjustment", "need an accommodation",
        "request an accommodation", "require an accommodation", "accommodation request", "reasonable adjustment",
        // Privacy and data protection.
        "privacy notice", "privacy policy", "personal information", "personal data", "data protection",
        // Recruiter and agency notes.
        "contact the recruiter", "recruiting partner", "recruitment agenc", "unsolicited resume", "unsolicited cv",
        "third-party agenc", "headhunter",
        // Job-board intros.
        "this job is with", "mygwork", "business community", "apply via", "apply on our website",
    ];

    // Tracking tags ("#LI-Remote") and page numbers left by a PDF export ("2", "Page 2 of 3", "2/3").
    [GeneratedRegex(@"^#?LI-[A-Za-z0-9]+$|^#[A-Za-z0-9]+$|^\d{1,3}$|^page \d+( of \d+)?$|^\d{1,3}\s*/\s*\d{1,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex TrackingTag();

    public static bool IsBoilerplate(string text)
    {
        var trimmed = text.Trim();
        if (TrackingTag().IsMatch(trimmed))
            return true;
        foreach (var phrase in Phrases)
            if (trimmed.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
